using System.Diagnostics;
using Xunit;

namespace RnnKit.Tests.Seq2Seq;

/// <summary>Trains the reverse task once (a few seconds) and shares the model between the decoding tests.</summary>
public sealed class TrainedReverser
{
    public const int Steps = 400;
    public const int BatchSize = 16;

    public TrainedReverser()
    {
        Task = new ReverseTask(symbols: 4, length: 3, seed: 5);
        Model = new Seq2SeqModel(Task.Config());
        var trainer = new Trainer(new Adam(Model.Parameters(), new AdamConfig(LearningRate: 0.01)),
            new TrainerConfig(Steps: Steps, ClipNorm: 5, ReportEvery: Steps));
        var clock = Stopwatch.StartNew();
        trainer.Run(_ =>
        {
            var (source, target) = Task.Batch(BatchSize);
            return Model.TrainStep(source, target);
        });
        Seconds = clock.Elapsed.TotalSeconds;
        Losses = trainer.LossHistory;
    }

    public ReverseTask Task { get; }

    public Seq2SeqModel Model { get; }

    public IReadOnlyList<double> Losses { get; }

    public double Seconds { get; }
}

public class Seq2SeqTrainingTests(TrainedReverser trained) : IClassFixture<TrainedReverser>
{
    [Fact]
    public void Reversal_is_learned_so_greedy_decoding_is_mostly_right()
    {
        var sources = trained.Task.All().ToList();
        var correct = sources.Count(s => trained.Model.Greedy(s).Tokens.SequenceEqual(s.Reverse()));
        var accuracy = (double)correct / sources.Count;

        Assert.True(accuracy >= 0.9, $"greedy decoding reversed {correct} of {sources.Count} sequences after {TrainedReverser.Steps} steps ({trained.Seconds:F1} s)");
        Assert.True(trained.Losses.TakeLast(20).Average() < trained.Losses.Take(20).Average() / 5,
            $"loss {trained.Losses.Take(20).Average():F3} → {trained.Losses.TakeLast(20).Average():F3}");
    }

    [Fact]
    public void Attention_weights_are_one_row_per_output_step_and_look_at_the_mirrored_position()
    {
        int[] source = [0, 1, 2];
        var translation = trained.Model.Greedy(source);

        Assert.True(translation.Ended);
        Assert.Equal(translation.Tokens.Count + 1, translation.Weights.RowCount);
        Assert.Equal(source.Length, translation.Weights.ColumnCount);
        foreach (var sum in translation.Weights.RowSums())
            Assert.Equal(1.0, sum, 9);
    }

    [Fact]
    public void Beam_search_with_width_one_is_greedy_decoding()
    {
        foreach (var source in trained.Task.All().Take(16))
        {
            var greedy = trained.Model.Greedy(source);
            var beam = trained.Model.BeamSearch(source, new BeamSearchOptions(Width: 1));
            Assert.Equal(greedy.Tokens, beam.Tokens);
            Assert.Equal(greedy.LogProbability, beam.LogProbability, 12);
            Assert.Equal(greedy.Weights, beam.Weights);
        }
    }

    [Fact]
    public void Beam_search_finds_a_sequence_at_least_as_probable_as_greedy()
    {
        // an undertrained model, so greedy decoding is often not the most probable output
        var task = new ReverseTask(symbols: 4, length: 3, seed: 8);
        var model = new Seq2SeqModel(task.Config());
        var trainer = new Trainer(new Adam(model.Parameters(), new AdamConfig(LearningRate: 0.01)), new TrainerConfig(Steps: 30));
        trainer.Run(_ => { var (s, t) = task.Batch(8); return model.TrainStep(s, t); }, cancellation: TestContext.Current.CancellationToken);

        var strictlyBetter = 0;
        foreach (var source in task.All().Take(24))
        {
            var greedy = model.Greedy(source, maxLength: 8);
            var beam = model.BeamSearch(source, new BeamSearchOptions(Width: 4, MaxLength: 8));
            Assert.True(beam.LogProbability >= greedy.LogProbability - 1e-12,
                $"beam {beam.LogProbability} < greedy {greedy.LogProbability} for [{string.Join(' ', source)}]");
            if (beam.LogProbability > greedy.LogProbability + 1e-9) strictlyBetter++;
        }
        Assert.True(strictlyBetter > 0, "beam search never beat greedy decoding, so this test shows nothing");
    }

    [Fact]
    public void Decoded_log_probability_equals_the_teacher_forced_one()
    {
        int[] source = [3, 0, 2];
        foreach (var translation in trained.Model.BeamSearchAll(source, new BeamSearchOptions(Width: 3)))
        {
            Assert.True(translation.Ended);
            Assert.Equal(trained.Model.LogProbability(source, translation.Tokens), translation.LogProbability, 9);
        }
    }

    [Fact]
    public void Length_normalisation_ranks_by_log_probability_per_token()
    {
        int[] source = [1, 1, 2];
        var options = new BeamSearchOptions(Width: 3, LengthPenalty: 1);
        var all = trained.Model.BeamSearchAll(source, options);
        Assert.All(all, t => Assert.Equal(t.LogProbability / (t.Tokens.Count + 1), t.Score, 12));
        Assert.Equal(all.OrderByDescending(t => t.Score).Select(t => t.Score), all.Select(t => t.Score));
    }

    [Fact]
    public void Bad_beam_options_are_refused()
    {
        Assert.Contains("Width", Assert.Throws<ArgumentOutOfRangeException>(() =>
            trained.Model.BeamSearch([0, 1, 2], new BeamSearchOptions(Width: 0))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => trained.Model.BeamSearch([0], new BeamSearchOptions(LengthPenalty: -1)));
    }
}
