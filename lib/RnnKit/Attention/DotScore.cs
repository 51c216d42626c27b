using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What the dot score keeps: the query z (n, m) and the keys h_i (n, m).</summary>
public readonly record struct DotScoreCache(Matrix<double> Z, IReadOnlyList<Matrix<double>> Hs) : IScoreCache;

/// <summary>
/// The "dot" score of Luong, Pham and Manning (2015), e_i = zᵀh_i (z and h_i of the same size n), optionally scaled by
/// 1/√n: the scaled dot product of Vaswani et al. (2017), which keeps the scores' variance near 1 when the entries
/// have unit variance. No weights.
/// </summary>
public sealed class DotScore : IAttentionScore
{
    /// <param name="size">n, the rows of both z and every h_i.</param>
    /// <param name="scaled">Divide by √n: the scaled dot product.</param>
    public DotScore(int size, bool scaled = false)
    {
        CellInit.RequirePositive(size, nameof(size));
        QuerySize = size;
        Scale = scaled ? 1 / Math.Sqrt(size) : 1;
        Kind = scaled ? "scaled_dot" : "dot";
    }

    public string Kind { get; }

    public int QuerySize { get; }

    public int KeySize => QuerySize;

    /// <summary>The factor applied to zᵀh_i: 1, or 1/√n when scaled.</summary>
    public double Scale { get; }

    public IEnumerable<Parameter> Parameters() => [];

    /// <summary>z (n, m), h_1 … h_Tx (n, m) → e (Tx, m), e[i, j] = Scale · z[:, j]·h_i[:, j].</summary>
    public (Matrix<double> Scores, DotScoreCache Cache) Forward(Matrix<double> z, IReadOnlyList<Matrix<double>> hs)
    {
        var batch = ScoreInputs.Require(z, hs, QuerySize, KeySize, Kind);
        var scores = Matrix<double>.Build.Dense(hs.Count, batch);
        for (var i = 0; i < hs.Count; i++)
            scores.SetRow(i, Scale * ScoreInputs.ColumnDots(z, hs[i]).Row(0));
        return (scores, new DotScoreCache(z, hs.ToArray()));
    }

    /// <summary>de (Tx, m) → dz = Scale·Σ_i h_i ∘ de_i, dh_i = Scale·z ∘ de_i (each column scaled by its de).</summary>
    public ScoreGrads Backward(Matrix<double> dScores, DotScoreCache cache)
    {
        ScoreInputs.RequireUpstream(dScores, cache.Hs.Count, cache.Z.ColumnCount, Kind);
        var dz = Matrix<double>.Build.Dense(QuerySize, cache.Z.ColumnCount);
        var dhs = new Matrix<double>[cache.Hs.Count];
        for (var i = 0; i < cache.Hs.Count; i++)
        {
            var de = Scale * dScores.Row(i);
            dz += ScoreInputs.ScaleColumns(cache.Hs[i], de);
            dhs[i] = ScoreInputs.ScaleColumns(cache.Z, de);
        }
        return new ScoreGrads(dz, dhs);
    }

    (Matrix<double> Scores, IScoreCache Cache) IAttentionScore.Score(Matrix<double> z, IReadOnlyList<Matrix<double>> hs) => Forward(z, hs);

    ScoreGrads IAttentionScore.Backward(Matrix<double> dScores, IScoreCache cache) =>
        Backward(dScores, ScoreInputs.Cast<DotScoreCache>(cache, Kind));

    /// <summary>Nothing to add: the dot score has no weights.</summary>
    public void Accumulate(ScoreGrads grads)
    {
    }

    public override string ToString() => $"DotScore({Kind}, size {QuerySize})";
}

