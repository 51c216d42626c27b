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
    public static Matrix<double> ColumnDots(Matrix<double> a, Matrix<double> b) =>
        a.PointwiseMultiply(b).ColumnSums().ToRowMatrix();

    /// <summary>Column j of m multiplied by w[j]: m (n, batch) ∘ broadcast(w (batch)) → (n, batch).</summary>
    public static Matrix<double> ScaleColumns(Matrix<double> m, Vector<double> w)
    {
        var result = m.Clone();
        for (var j = 0; j < m.ColumnCount; j++)
            result.SetColumn(j, m.Column(j) * w[j]);
        return result;
    }

    /// <summary>The typed cache behind an <see cref="IScoreCache"/>, or a message naming both types.</summary>
    public static T Cast<T>(IScoreCache cache, string kind) where T : IScoreCache =>
        cache is T typed
            ? typed
            : throw new ArgumentException($"the {kind} score needs a {typeof(T).Name} but was given a {cache?.GetType().Name ?? "null"}");
}
