using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The result of attending once.</summary>
/// <param name="Context">c = Σ_i α_i h_i (keySize, m).</param>
/// <param name="Weights">α (Tx, m): column j is a distribution over the encoder positions for example j.</param>
public sealed record AttentionOutput(Matrix<double> Context, Matrix<double> Weights);

/// <summary>What <see cref="Attention.Backward"/> needs: the score's cache, the keys h_i and the weights α (Tx, m).</summary>
public readonly record struct AttentionCache(IScoreCache Score, IReadOnlyList<Matrix<double>> Hs, Matrix<double> Weights);

/// <summary>Gradients of one attention step: ∂L/∂z (querySize, m), ∂L/∂h_i (keySize, m) and the score's own.</summary>
public sealed record AttentionGrads(Matrix<double> Dz, IReadOnlyList<Matrix<double>> Dhs, ScoreGrads Score);

/// <summary>
/// Attention over encoder states, for any score function:
/// <code>
/// e_i = score(z, h_i)        (Tx, m)    alignment scores
/// α   = softmax_i(e)         (Tx, m)    weights: each column sums to 1 over the positions
/// c   = Σ_i α_i h_i          (keySize, m)
/// </code>
/// </summary>
public sealed class Attention(IAttentionScore score) : IModule
{
    public IAttentionScore Score { get; } = score ?? throw new ArgumentNullException(nameof(score));

    public int QuerySize => Score.QuerySize;

    public int KeySize => Score.KeySize;

    public IEnumerable<Parameter> Parameters() => Score.Parameters();

    /// <summary>z (querySize, m), h_1 … h_Tx (keySize, m) → context (keySize, m) and weights (Tx, m).</summary>
    public (AttentionOutput Output, AttentionCache Cache) Forward(Matrix<double> z, IReadOnlyList<Matrix<double>> hs)
    {
        var (scores, scoreCache) = Score.Score(z, hs);
        var alpha = Activations.Softmax(scores);
        var context = Matrix<double>.Build.Dense(KeySize, z.ColumnCount);
        for (var i = 0; i < hs.Count; i++)
            context += ScoreInputs.ScaleColumns(hs[i], alpha.Row(i));
        var kept = hs.ToArray();
        return (new AttentionOutput(context, alpha), new AttentionCache(scoreCache, kept, alpha));
    }

    /// <summary>
    /// Backward through context, softmax and score. Given dc (keySize, m) and optionally dα (Tx, m) when the
    /// weights themselves feed a loss:
    /// dα_i = h_i·dc per column, de = α ∘ (dα − Σ_k α_k dα_k), dh_i = α_i·dc + ∂score/∂h_i. Does not touch the Grads.
    /// </summary>
    public AttentionGrads Backward(Matrix<double> dContext, AttentionCache cache, Matrix<double>? dWeights = null)
    {
        var batch = cache.Weights.ColumnCount;
        var positions = cache.Hs.Count;
        Shape.Require(dContext, KeySize, batch, "gradient of the attention context");
        var dAlpha = Matrix<double>.Build.Dense(positions, batch);
        for (var i = 0; i < positions; i++)
            dAlpha.SetRow(i, ScoreInputs.ColumnDots(cache.Hs[i], dContext).Row(0));
        if (dWeights is not null)
        {
            Shape.Require(dWeights, positions, batch, "gradient of the attention weights");
            dAlpha += dWeights;
        }
        var weightedSum = cache.Weights.PointwiseMultiply(dAlpha).ColumnSums();
        var dScores = Matrix<double>.Build.Dense(positions, batch,
            (i, j) => cache.Weights[i, j] * (dAlpha[i, j] - weightedSum[j]));

        var scoreGrads = Score.Backward(dScores, cache.Score);
        var dhs = new Matrix<double>[positions];
        for (var i = 0; i < positions; i++)
            dhs[i] = scoreGrads.Dhs[i] + ScoreInputs.ScaleColumns(dContext, cache.Weights.Row(i));
        return new AttentionGrads(scoreGrads.Dz, dhs, scoreGrads);
    }

    /// <summary>Adds the score function's weight gradients into their Grads.</summary>
    public void Accumulate(AttentionGrads grads) => Score.Accumulate(grads.Score);

    public override string ToString() => $"Attention({Score})";
}
