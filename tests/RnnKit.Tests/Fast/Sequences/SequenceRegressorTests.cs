using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast.Sequences;

public class SequenceRegressorTests
{
    private static readonly float[][] Sequences = [[0.5f, -1, 0.2f, 0.3f, 1, -0.4f], [2, 0], [-1, 1, 0.1f, 0.7f]];
    private static readonly float[] Targets = [0.3f, -1.2f, 0.8f];

    [Theory]
    [InlineData(1, false, SequencePooling.Last, CellKind.Gru)]
    [InlineData(2, true, SequencePooling.Mean, CellKind.Lstm)]
    [InlineData(1, true, SequencePooling.Last, CellKind.RnnTanh)]
    public void Backward_agrees_with_finite_differences(int layers, bool bidirectional, SequencePooling pooling, CellKind cell)
    {
        var model = new SequenceRegressor(2, 3, layers, bidirectional, cell, pooling, new Random(3));
        var batch = SequenceBatch.FromFeatures(Sequences, 2);
        FastGradientCheck.Run(() => model.Loss(batch, Targets), () => model.LossAndGradients(batch, Targets), model.Parameters());
    }

    [Fact]
    public void The_loss_is_the_mean_squared_error_of_the_predictions()
    {
        var model = new SequenceRegressor(2, 3, 1, false, CellKind.Gru, SequencePooling.Last, new Random(4));
        var batch = SequenceBatch.FromFeatures(Sequences, 2);
        var predicted = model.Predict(batch);
        var expected = predicted.Zip(Targets, (p, y) => (p - y) * (p - y)).Average();
        Assert.Equal(expected, model.Loss(batch, Targets), 5);
    }

    [Fact]
    public void It_learns_to_read_the_last_value_of_a_sequence()
    {
        var random = new Random(5);
        var sequences = Enumerable.Range(0, 64).Select(_ => Enumerable.Range(0, random.Next(2, 6)).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray()).ToList();
        var targets = sequences.Select(s => s[^1]).ToArray();
        var model = new SequenceRegressor(1, 8, 1, false, CellKind.Gru, SequencePooling.Last, new Random(6));
        var adam = new FastAdam(model.Parameters(), new FastAdamConfig { LearningRate = 0.02f });
        var batch = SequenceBatch.FromFeatures(sequences, 1);
        var first = model.Loss(batch, targets);
        for (var step = 0; step < 200; step++) model.TrainStep(batch, targets, adam);
        Assert.True(model.Loss(batch, targets) < first / 20, $"MSE {first} → {model.Loss(batch, targets)}");
        var e = Assert.Throws<ShapeMismatchException>(() => model.Loss(batch, [1f]));
        Assert.Contains("64 sequences", e.Message);
    }
}
