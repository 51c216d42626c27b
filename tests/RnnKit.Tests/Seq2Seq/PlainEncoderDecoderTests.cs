using Xunit;

namespace RnnKit.Tests.Seq2Seq;

public class PlainEncoderDecoderTests
{
    [Fact]
    public void Without_attention_the_loss_still_falls_and_no_weights_are_kept()
    {
        var task = new ReverseTask(symbols: 4, length: 3, seed: 3);
        var model = new Seq2SeqModel(task.Config(attention: null));
        Assert.Null(model.Decoder.Attention);
        var trainer = new Trainer(new Adam(model.Parameters(), new AdamConfig(LearningRate: 0.01)), new TrainerConfig(Steps: 150));

        trainer.Run(_ => { var (s, t) = task.Batch(16); return model.TrainStep(s, t); }, cancellation: TestContext.Current.CancellationToken);

        Assert.True(trainer.LossHistory.TakeLast(10).Average() < trainer.LossHistory.Take(10).Average() / 2);
        var translation = model.Greedy([0, 1, 2]);
        Assert.Equal(0, translation.Weights.RowCount);
        Assert.Equal(3, translation.Weights.ColumnCount);
    }

    [Fact]
    public void Ragged_batches_are_refused_with_the_step()
    {
        var model = new Seq2SeqModel(new ReverseTask(4, 3, 0).Config());
        var e = Assert.Throws<ArgumentException>(() => model.Forward([[0, 1], [2]], [[0, 1]]));
        Assert.Contains("step 1", e.Message);
        e = Assert.Throws<ArgumentException>(() => model.Forward([[0, 1]], [[0, 1, 2]]));
        Assert.Contains("target step 0", e.Message);
    }
}
