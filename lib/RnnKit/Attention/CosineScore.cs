using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What the cosine score keeps: unit vectors û = z/‖z‖ and ŵ_i = h_i/‖h_i‖, the norms, and the scores.</summary>
/// <param name="U">z/‖z‖ per column (n, m).</param>
/// <param name="ZNorms">‖z[:, j]‖ (m).</param>
/// <param name="Ws">h_i/‖h_i‖ per column, (n, m) each.</param>
/// <param name="HNorms">‖h_i[:, j]‖, (m) each.</param>
/// <param name="Scores">e (Tx, m).</param>
public readonly record struct CosineScoreCache(
    Matrix<double> U, Vector<double> ZNorms, IReadOnlyList<Matrix<double>> Ws, IReadOnlyList<Vector<double>> HNorms,
    Matrix<double> Scores) : IScoreCache;

/// <summary>
/// The content-based addressing of the Neural Turing Machine (Graves, Wayne and Danihelka 2014):
/// e_i = cos(z, h_i) = zᵀh_i / (‖z‖‖h_i‖), in [−1, 1]. No weights.
/// The cosine of a zero vector is undefined, so a zero z or h_i column is refused with its position.
/// </summary>
public sealed class CosineScore : IAttentionScore
{
    public CosineScore(int size)
    {
        CellInit.RequirePositive(size, nameof(size));
        QuerySize = size;
    }

    public string Kind => "cosine";

    public int QuerySize { get; }

    public int KeySize => QuerySize;

    public IEnumerable<Parameter> Parameters() => [];

    /// <summary>z (n, m), h_1 … h_Tx (n, m) → e (Tx, m), e[i, j] = cos(z[:, j], h_i[:, j]).</summary>
    public (Matrix<double> Scores, CosineScoreCache Cache) Forward(Matrix<double> z, IReadOnlyList<Matrix<double>> hs)
    {
        var batch = ScoreInputs.Require(z, hs, QuerySize, KeySize, Kind);
        var (u, zNorms) = Normalise(z, "query z");
        var scores = Matrix<double>.Build.Dense(hs.Count, batch);
        var ws = new Matrix<double>[hs.Count];
        var hNorms = new Vector<double>[hs.Count];
        for (var i = 0; i < hs.Count; i++)
        {
            (ws[i], hNorms[i]) = Normalise(hs[i], $"encoder state h_{i}");
            scores.SetRow(i, ScoreInputs.ColumnDots(u, ws[i]).Row(0));
        }
        return (scores, new CosineScoreCache(u, zNorms, ws, hNorms, scores));
    }

    /// <summary>With e = ûᵀŵ: ∂e/∂z = (ŵ − e·û)/‖z‖ and ∂e/∂h = (û − e·ŵ)/‖h‖, column by column, times de.</summary>
    public ScoreGrads Backward(Matrix<double> dScores, CosineScoreCache cache)
    {
        var batch = cache.U.ColumnCount;
        ScoreInputs.RequireUpstream(dScores, cache.Ws.Count, batch, Kind);
        var dz = Matrix<double>.Build.Dense(QuerySize, batch);
        var dhs = new Matrix<double>[cache.Ws.Count];
        for (var i = 0; i < cache.Ws.Count; i++)
        {
            var e = cache.Scores.Row(i);
            var de = dScores.Row(i);
            var towardW = cache.Ws[i] - ScoreInputs.ScaleColumns(cache.U, e);
            var towardU = cache.U - ScoreInputs.ScaleColumns(cache.Ws[i], e);
            dz += ScoreInputs.ScaleColumns(towardW, de.PointwiseDivide(cache.ZNorms));
            dhs[i] = ScoreInputs.ScaleColumns(towardU, de.PointwiseDivide(cache.HNorms[i]));
        }
        return new ScoreGrads(dz, dhs);
    }

    (Matrix<double> Scores, IScoreCache Cache) IAttentionScore.Score(Matrix<double> z, IReadOnlyList<Matrix<double>> hs) => Forward(z, hs);

    ScoreGrads IAttentionScore.Backward(Matrix<double> dScores, IScoreCache cache) =>
        Backward(dScores, ScoreInputs.Cast<CosineScoreCache>(cache, Kind));

    /// <summary>Nothing to add: the cosine score has no weights.</summary>
    public void Accumulate(ScoreGrads grads)
    {
    }

    private static (Matrix<double> Unit, Vector<double> Norms) Normalise(Matrix<double> m, string what)
    {
        var norms = m.ColumnNorms(2);
        for (var j = 0; j < norms.Count; j++)
            if (norms[j] == 0)
                throw new ArgumentException($"the cosine score is undefined for a zero vector: {what}, example (column) {j}, is all zeros");
        return (m.NormalizeColumns(2), norms);
    }

    public override string ToString() => $"CosineScore(size {QuerySize})";
}
