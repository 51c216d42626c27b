using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Guards and column-wise helpers shared by the score functions.</summary>
internal static class ScoreInputs
{
    /// <summary>Checks z (querySize, m) and every h_i (keySize, m); returns m.</summary>
    public static int Require(Matrix<double> z, IReadOnlyList<Matrix<double>> hs, int querySize, int keySize, string kind)
    {
        ArgumentNullException.ThrowIfNull(hs);
        Shape.RequireRows(z, querySize, $"query z of the {kind} score");
        if (hs.Count == 0)
            throw new ArgumentException($"the {kind} score needs at least one encoder state h_i", nameof(hs));
        for (var i = 0; i < hs.Count; i++)
            Shape.Require(hs[i], keySize, z.ColumnCount, $"encoder state h_{i} of the {kind} score");
        return z.ColumnCount;
    }

    /// <summary>Checks ∂L/∂scores against the cached positions and batch.</summary>
    public static void RequireUpstream(Matrix<double> dScores, int positions, int batch, string kind) =>
        Shape.Require(dScores, positions, batch, $"gradient of the {kind} scores");

    /// <summary>Per column j: Σ_k a[k, j]·b[k, j] → (1, m).</summary>
    public static Matrix<double> ColumnDots(Matrix<double> a, Matrix<double> b)
    {
        Shape.RequireSame(a, "left operand", b, "right operand");
        var (x, y) = (a.AsColumnMajorArray(), b.AsColumnMajorArray());
        if (x is null || y is null)
            return a.PointwiseMultiply(b).ColumnSums().ToRowMatrix();
        // dense storage: one dot product per column, straight on MathNet's column-major arrays
        var rows = a.RowCount;
        var dots = new double[a.ColumnCount];
        for (var j = 0; j < dots.Length; j++)
            dots[j] = TensorPrimitives.Dot(x.AsSpan(j * rows, rows), y.AsSpan(j * rows, rows));
        return Matrix<double>.Build.Dense(1, dots.Length, dots);
    }

    /// <summary>Column j of m multiplied by w[j]: m (n, batch) ∘ broadcast(w (batch)) → (n, batch).</summary>
    public static Matrix<double> ScaleColumns(Matrix<double> m, Vector<double> w)
    {
        if (w.Count != m.ColumnCount)
            throw new ShapeMismatchException($"{w.Count} column factors for a matrix of shape {Shape.Of(m)}");
        var rows = m.RowCount;
        var source = m.AsColumnMajorArray();
        if (source is null)
        {
            var result = m.Clone();
            for (var j = 0; j < m.ColumnCount; j++)
                result.SetColumn(j, m.Column(j) * w[j]);
            return result;
        }
        // dense storage: scale each column in place in a new column-major array, without per-column vectors
        var scaled = new double[source.Length];
        for (var j = 0; j < m.ColumnCount; j++)
            TensorPrimitives.Multiply(source.AsSpan(j * rows, rows), w[j], scaled.AsSpan(j * rows, rows));
        return Matrix<double>.Build.Dense(rows, m.ColumnCount, scaled);
    }

    /// <summary>The typed cache behind an <see cref="IScoreCache"/>, or a message naming both types.</summary>
    public static T Cast<T>(IScoreCache cache, string kind) where T : IScoreCache =>
        cache is T typed
            ? typed
            : throw new ArgumentException($"the {kind} score needs a {typeof(T).Name} but was given a {cache?.GetType().Name ?? "null"}");
}
