using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What the additive score keeps: z, every h_i and every a_i = tanh(W1·z + W2·h_i) (attentionSize, m).</summary>
public readonly record struct AdditiveScoreCache(Matrix<double> Z, IReadOnlyList<Matrix<double>> Hs, IReadOnlyList<Matrix<double>> As) : IScoreCache;

/// <summary>Gradients of the additive score: inputs, and DW1 (attentionSize, querySize), DW2 (attentionSize, keySize), Dv (attentionSize, 1).</summary>
public sealed record AdditiveScoreGrads(Matrix<double> Dz, IReadOnlyList<Matrix<double>> Dhs, Matrix<double> DW1, Matrix<double> DW2, Matrix<double> Dv)
    : ScoreGrads(Dz, Dhs);

/// <summary>
/// The additive score of Bahdanau, Cho and Bengio (2015), which Luong, Pham and Manning (2015) call "concat": a
/// one-hidden-layer network of z and h_i:
/// <code>
/// a_i = tanh(W1·z + W2·h_i)      (attentionSize, m)
/// e_i = vᵀ·a_i                    (1, m)
/// </code>
/// W1 (attentionSize, querySize), W2 (attentionSize, keySize), v (attentionSize, 1). The query and keys may have
/// different sizes. W1·z is computed once for all positions.
/// </summary>
public sealed class AdditiveScore : IAttentionScore
{
    public AdditiveScore(int querySize, int keySize, int attentionSize, int seed = CellInit.DefaultSeed)
        : this(querySize, keySize, attentionSize, new Random(seed))
    {
    }

    /// <summary>W1, W2 ~ U(±1/√fan-in) and v ~ U(±1/√attentionSize), like PyTorch's nn.Linear.</summary>
    public AdditiveScore(int querySize, int keySize, int attentionSize, Random random)
    {
        CellInit.RequirePositive(querySize, nameof(querySize));
        CellInit.RequirePositive(keySize, nameof(keySize));
        CellInit.RequirePositive(attentionSize, nameof(attentionSize));
        W1 = CellInit.Parameter("W1", attentionSize, querySize, CellInit.Bound(querySize), random);
        W2 = CellInit.Parameter("W2", attentionSize, keySize, CellInit.Bound(keySize), random);
        V = CellInit.Parameter("v", attentionSize, 1, CellInit.Bound(attentionSize), random);
    }

    /// <summary>W1 (attentionSize, querySize): projects the decoder state z.</summary>
    public Parameter W1 { get; }

    /// <summary>W2 (attentionSize, keySize): projects each encoder state h_i.</summary>
    public Parameter W2 { get; }

    /// <summary>v (attentionSize, 1): reads one score off the hidden layer.</summary>
    public Parameter V { get; }

    public string Kind => "additive";

    public int QuerySize => W1.Columns;

    public int KeySize => W2.Columns;

    public int AttentionSize => V.Rows;

    public IEnumerable<Parameter> Parameters() => [W1, W2, V];

    /// <summary>z (querySize, m), h_1 … h_Tx (keySize, m) → e (Tx, m).</summary>
    public (Matrix<double> Scores, AdditiveScoreCache Cache) Forward(Matrix<double> z, IReadOnlyList<Matrix<double>> hs)
    {
        var batch = ScoreInputs.Require(z, hs, QuerySize, KeySize, Kind);
        var projectedZ = W1.Value * z;
        var scores = Matrix<double>.Build.Dense(hs.Count, batch);
        var activations = new Matrix<double>[hs.Count];
        for (var i = 0; i < hs.Count; i++)
        {
            activations[i] = Activations.Tanh(projectedZ + W2.Value * hs[i]);
            scores.SetRow(i, V.Value.TransposeThisAndMultiply(activations[i]).Row(0));
        }
        return (scores, new AdditiveScoreCache(z, hs.ToArray(), activations));
    }

    /// <summary>
    /// de (Tx, m) → with δ_i = (v·de_i) ∘ (1 − a_i²): dv = Σ a_i·de_iᵀ, dW1 = Σ δ_i·zᵀ, dW2 = Σ δ_i·h_iᵀ,
    /// dz = W1ᵀ·Σ δ_i, dh_i = W2ᵀ·δ_i. Does not touch the Grads.
    /// </summary>
    public AdditiveScoreGrads Backward(Matrix<double> dScores, AdditiveScoreCache cache)
    {
        var batch = cache.Z.ColumnCount;
        ScoreInputs.RequireUpstream(dScores, cache.Hs.Count, batch, Kind);
        var dv = Matrix<double>.Build.Dense(AttentionSize, 1);
        var dW2 = Matrix<double>.Build.Dense(AttentionSize, KeySize);
        var deltaSum = Matrix<double>.Build.Dense(AttentionSize, batch);
        var dhs = new Matrix<double>[cache.Hs.Count];
        for (var i = 0; i < cache.Hs.Count; i++)
        {
            var de = dScores.SubMatrix(i, 1, 0, batch);
            dv += cache.As[i].TransposeAndMultiply(de);
            var delta = (V.Value * de).PointwiseMultiply(Columns.OneMinusSquare(cache.As[i]));
            deltaSum += delta;
            dW2 += delta.TransposeAndMultiply(cache.Hs[i]);
            dhs[i] = W2.Value.TransposeThisAndMultiply(delta);
        }
        var dW1 = deltaSum.TransposeAndMultiply(cache.Z);
        var dz = W1.Value.TransposeThisAndMultiply(deltaSum);
        return new AdditiveScoreGrads(dz, dhs, dW1, dW2, dv);
    }

    public void Accumulate(AdditiveScoreGrads grads)
    {
        W1.Accumulate(grads.DW1);
        W2.Accumulate(grads.DW2);
        V.Accumulate(grads.Dv);
    }

    (Matrix<double> Scores, IScoreCache Cache) IAttentionScore.Score(Matrix<double> z, IReadOnlyList<Matrix<double>> hs) => Forward(z, hs);

    ScoreGrads IAttentionScore.Backward(Matrix<double> dScores, IScoreCache cache) =>
        Backward(dScores, ScoreInputs.Cast<AdditiveScoreCache>(cache, Kind));

    void IAttentionScore.Accumulate(ScoreGrads grads) =>
        Accumulate(grads as AdditiveScoreGrads
            ?? throw new ArgumentException($"the additive score needs {nameof(AdditiveScoreGrads)} but was given {grads.GetType().Name}"));

    public override string ToString() => $"AdditiveScore(query {QuerySize}, key {KeySize}, attention {AttentionSize})";
}
