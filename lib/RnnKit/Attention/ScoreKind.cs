namespace RnnKit;

/// <summary>The alignment score functions of the attention lesson.</summary>
public enum ScoreKind
{
    /// <summary>zᵀh_i (Luong, Pham and Manning 2015, "dot").</summary>
    Dot,

    /// <summary>zᵀh_i / √n (Vaswani et al. 2017, the scaled dot product).</summary>
    ScaledDot,

    /// <summary>cos(z, h_i) (Graves, Wayne and Danihelka 2014: the Neural Turing Machine's content-based addressing).</summary>
    Cosine,

    /// <summary>vᵀ·tanh(W1·z + W2·h_i) (Bahdanau, Cho and Bengio 2015; Luong et al.'s "concat").</summary>
    Additive,

    /// <summary>zᵀ·W·h_i (Luong, Pham and Manning 2015, "general").</summary>
    Bilinear,
}

/// <summary>Builds a score function by kind, for models whose configuration names the score.</summary>
public static class AttentionScores
{
    /// <param name="kind">Which score.</param>
    /// <param name="querySize">n_z, rows of the decoder state z.</param>
    /// <param name="keySize">n_h, rows of each encoder state h_i (dot, scaled dot and cosine need n_z = n_h).</param>
    /// <param name="attentionSize">Hidden size of the additive score's network (ignored by the others).</param>
    /// <param name="random">Draws the weights of the additive and bilinear scores.</param>
    public static IAttentionScore Create(ScoreKind kind, int querySize, int keySize, int attentionSize, Random random)
    {
        if (kind is ScoreKind.Dot or ScoreKind.ScaledDot or ScoreKind.Cosine && querySize != keySize)
            throw new ArgumentException(
                $"the {kind} score compares z and h_i directly, so they need the same size, but z has {querySize} rows and h_i has {keySize}; use {ScoreKind.Bilinear} or {ScoreKind.Additive}");
        return kind switch
        {
            ScoreKind.Dot => new DotScore(querySize),
            ScoreKind.ScaledDot => new DotScore(querySize, scaled: true),
            ScoreKind.Cosine => new CosineScore(querySize),
            ScoreKind.Additive => new AdditiveScore(querySize, keySize, attentionSize, random),
            ScoreKind.Bilinear => new BilinearScore(querySize, keySize, random),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown score kind"),
        };
    }
}
