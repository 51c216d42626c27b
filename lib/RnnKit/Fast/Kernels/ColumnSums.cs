using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>The bias gradients of the fast layers: Σ over the rows of a (rows, width) matrix.</summary>
internal static class ColumnSums
{
    /// <summary>sums (width) += Σ over the rows of m (rows, width), row after row.</summary>
    public static void AddTo(ReadOnlySpan<float> m, int rows, int width, Span<float> sums)
    {
        for (var r = 0; r < rows; r++)
            TensorPrimitives.Add(sums, m.Slice(r * width, width), sums);
    }
}
