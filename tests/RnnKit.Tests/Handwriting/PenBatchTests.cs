using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class PenBatchTests
{
    [Fact]
    public void Rows_are_time_major_padded_with_zeros_and_reversed_within_each_length()
    {
        PenSequence a = PenModels.Random(new Random(1), 2), b = PenModels.Random(new Random(2), 4);
        var batch = PenBatch.From([a, b]);
        Assert.Equal((4, 2), (batch.Steps, batch.Batch));
        Assert.Equal([2, 4], batch.Lengths);
        float[] Row(float[] x, int t, int s) => x[((t * 2 + s) * 3)..((t * 2 + s) * 3 + 3)];
        for (var t = 0; t < 4; t++)
        {
            Assert.Equal(t < 2 ? [a.Dx[t], a.Dy[t], a.Pen[t]] : [0f, 0f, 0f], Row(batch.X, t, 0));
            Assert.Equal([b.Dx[t], b.Dy[t], b.Pen[t]], Row(batch.X, t, 1));
            Assert.Equal(t < 2 ? [a.Dx[1 - t], a.Dy[1 - t], a.Pen[1 - t]] : [0f, 0f, 0f], Row(batch.Reversed, t, 0));
            Assert.Equal([b.Dx[3 - t], b.Dy[3 - t], b.Pen[3 - t]], Row(batch.Reversed, t, 1));
        }
    }

    [Fact]
    public void An_empty_batch_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PenBatch.From([]));
        Assert.Contains("at least one sequence", error.Message);
    }
}
