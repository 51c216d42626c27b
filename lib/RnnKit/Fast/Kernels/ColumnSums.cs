using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>The bias gradients of the fast layers: Σ over the rows of a (rows, width) matrix.</summary>
internal static class ColumnSums
{
    /// <summary>Columns each thread must get before a second one pays.</summary>
    private const int MinColumnsPerThread = 64;

    /// <summary>Up to this many columns a thread's running sums live on its stack.</summary>
    private const int MaxStackColumns = 4096;

    /// <summary>
    /// sums (width) += Σ over the rows of m (rows, width), row after row; the threads of the pass take a range of
    /// columns each, and every column is summed in the same order on any number of threads.
    /// </summary>
    public static unsafe void AddTo(ReadOnlySpan<float> m, int rows, int width, Span<float> sums)
    {
        if (m.Length < (long)rows * width || sums.Length < width)
            throw new ShapeMismatchException($"column sums of a ({rows}, {width}) matrix need {(long)rows * width} values and {width} sums, got {m.Length} and {sums.Length}");
        fixed (float* pm = m)
        fixed (float* ps = sums)
        {
            nint source = (nint)pm, target = (nint)ps;
            Parts.For(width, MinColumnsPerThread, align: 16, (first, count) =>
            {
                // Each thread adds into its own copy of its sums, so no two threads write one cache line at every row.
                var sums = new Span<float>((float*)target + first, count);
                var total = count <= MaxStackColumns ? stackalloc float[count] : new float[count];
                sums.CopyTo(total);
                for (var r = 0; r < rows; r++)
                    TensorPrimitives.Add(total, new ReadOnlySpan<float>((float*)source + (long)r * width + first, count), total);
                total.CopyTo(sums);
            });
        }
    }
}
