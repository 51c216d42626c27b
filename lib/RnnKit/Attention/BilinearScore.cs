using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What the bilinear score keeps: z, every h_i and W·h_i (querySize, m).</summary>
public readonly record struct BilinearScoreCache(Matrix<double> Z, IReadOnlyList<Matrix<double>> Hs, IReadOnlyList<Matrix<double>> WHs) : IScoreCache;

/// <summary>Gradients of the bilinear score: inputs and DW (querySize, keySize).</summary>
public sealed record BilinearScoreGrads(Matrix<double> Dz, IReadOnlyList<Matrix<double>> Dhs, Matrix<double> DW) : ScoreGrads(Dz, Dhs);

/// <summary>
/// The "general" (bilinear) score of Luong, Pham and Manning (2015), e_i = zᵀ·W·h_i with W (querySize, keySize): a
/// learned similarity that lets z and h_i have different sizes. With W = I it is the dot score.
/// </summary>
public sealed class BilinearScore : IAttentionScore
{
    public BilinearScore(int querySize, int keySize, int seed = CellInit.DefaultSeed)
        : this(querySize, keySize, new Random(seed))
    {
    }

    /// <summary>W ~ U(±1/√keySize).</summary>
    public BilinearScore(int querySize, int keySize, Random random)
    {
        CellInit.RequirePositive(querySize, nameof(querySize));
        CellInit.RequirePositive(keySize, nameof(keySize));
        W = CellInit.Parameter("Wa", querySize, keySize, CellInit.Bound(keySize), random);
    }

    /// <summary>W (querySize, keySize), named Wa as in Luong et al.</summary>
    public Parameter W { get; }

    public string Kind => "bilinear";

    public int QuerySize => W.Rows;

    public int KeySize => W.Columns;

    public IEnumerable<Parameter> Parameters() => [W];

    /// <summary>z (querySize, m), h_1 … h_Tx (keySize, m) → e (Tx, m), e[i, j] = z[:, j]ᵀ·W·h_i[:, j].</summary>
    public (Matrix<double> Scores, BilinearScoreCache Cache) Forward(Matrix<double> z, IReadOnlyList<Matrix<double>> hs)
    {
        var batch = ScoreInputs.Require(z, hs, QuerySize, KeySize, Kind);
        var scores = Matrix<double>.Build.Dense(hs.Count, batch);
        var whs = new Matrix<double>[hs.Count];
        for (var i = 0; i < hs.Count; i++)
        {
            whs[i] = W.Value * hs[i];
            scores.SetRow(i, ScoreInputs.ColumnDots(z, whs[i]).Row(0));
        }
        return (scores, new BilinearScoreCache(z, hs.ToArray(), whs));
    }

    /// <summary>de (Tx, m) → dz = Σ (W·h_i) ∘ de_i, dh_i = Wᵀ·(z ∘ de_i), dW = Σ (z ∘ de_i)·h_iᵀ.</summary>
    public BilinearScoreGrads Backward(Matrix<double> dScores, BilinearScoreCache cache)
    {
        var batch = cache.Z.ColumnCount;
        ScoreInputs.RequireUpstream(dScores, cache.Hs.Count, batch, Kind);
        var dz = Matrix<double>.Build.Dense(QuerySize, batch);
        var dW = Matrix<double>.Build.Dense(QuerySize, KeySize);
        var dhs = new Matrix<double>[cache.Hs.Count];
        for (var i = 0; i < cache.Hs.Count; i++)
        {
            var de = dScores.Row(i);
            dz += ScoreInputs.ScaleColumns(cache.WHs[i], de);
            var zDe = ScoreInputs.ScaleColumns(cache.Z, de);
            dhs[i] = W.Value.TransposeThisAndMultiply(zDe);
            dW += zDe.TransposeAndMultiply(cache.Hs[i]);
        }
        return new BilinearScoreGrads(dz, dhs, dW);
    }

    public void Accumulate(BilinearScoreGrads grads) => W.Accumulate(grads.DW);

    (Matrix<double> Scores, IScoreCache Cache) IAttentionScore.Score(Matrix<double> z, IReadOnlyList<Matrix<double>> hs) => Forward(z, hs);

    ScoreGrads IAttentionScore.Backward(Matrix<double> dScores, IScoreCache cache) =>
        Backward(dScores, ScoreInputs.Cast<BilinearScoreCache>(cache, Kind));

    void IAttentionScore.Accumulate(ScoreGrads grads) =>
        Accumulate(grads as BilinearScoreGrads
            ?? throw new ArgumentException($"the bilinear score needs {nameof(BilinearScoreGrads)} but was given {grads.GetType().Name}"));

    public override string ToString() => $"BilinearScore(query {QuerySize}, key {KeySize})";
}
