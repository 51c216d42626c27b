using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class StrokeWriterTests
{
    private static readonly PenSequence[] Sequences = [.. new[] { 5, 3, 6 }.Select((length, k) => PenModels.Random(new Random(30 + k), length))];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Training_gradients_agree_with_finite_differences(bool conditioned)
    {
        var writer = new StrokeWriter(conditioned ? 3 : 0, conditionSize: 2, hiddenSize: 4, components: 2, new Random(3));
        int[] characters = [1, 0, 2];
        writer.TrainStep(Sequences, characters, PenModels.Frozen(writer), maxNorm: float.MaxValue);
        PenModels.AssertGradients(writer, () => writer.Evaluate(Sequences, characters).Total, conditioned ? "conditioned writer" : "writer");
    }

    [Fact]
    public void Padding_does_not_count_in_the_likelihood()
    {
        var writer = new StrokeWriter(3, conditionSize: 2, hiddenSize: 4, components: 2, new Random(4));
        var alone = writer.Evaluate([Sequences[1]], [0]).Total;
        var inBatch = writer.Evaluate([Sequences[1], Sequences[1]], [0, 0]).Total;
        Assert.Equal(alone, inBatch, 5);
        var padded = writer.Evaluate([Sequences[1], Sequences[2]], [0, 2]);
        var second = writer.Evaluate([Sequences[2]], [2]).Total;
        // A mean over real steps only: 3 steps of the first and 6 of the second.
        Assert.Equal((3 * alone + 6 * second) / 9, padded.Total, 4);
    }

    [Fact]
    public void Writing_stops_after_the_strokes_asked_for_and_keeps_the_prime()
    {
        var writer = new StrokeWriter(3, conditionSize: 2, hiddenSize: 6, components: 2, new Random(5));
        var prime = Sequences[2].Take(2);
        var written = writer.Write(1, strokes: 2, new Random(7), prime: prime, maxSteps: 500);
        Assert.Equal(prime.Dx, written.Dx[..2]);
        Assert.True(written.StrokeCount == 2 || written.Length == 500, $"{written.StrokeCount} lifts in {written.Length} steps");
        Assert.Equal(1f, written.Pen[^1]);
        var again = writer.Write(1, strokes: 2, new Random(7), prime: prime, maxSteps: 500);
        Assert.Equal(written.Dx, again.Dx);
        var capped = writer.Write(1, strokes: 1000, new Random(7), maxSteps: 12);
        Assert.Equal(12, capped.Length);
    }

    [Fact]
    public void A_character_outside_the_conditioned_set_is_named()
    {
        var writer = new StrokeWriter(3, conditionSize: 2, hiddenSize: 4, components: 2, new Random(5));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(3, 1, new Random(1)));
        Assert.Contains("from 0 to 2", error.Message);
    }
}
