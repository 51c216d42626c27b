using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>A marker for the caches of the score functions, so <see cref="Attention"/> can keep any of them.</summary>
public interface IScoreCache;

/// <summary>
/// Gradients of a score function with respect to its inputs; score functions with weights return a derived record
/// that adds their own (<see cref="AdditiveScoreGrads"/>, <see cref="BilinearScoreGrads"/>).
/// </summary>
/// <param name="Dz">∂L/∂z (querySize, m).</param>
/// <param name="Dhs">∂L/∂h_i (keySize, m) for every encoder position i.</param>
public record ScoreGrads(Matrix<double> Dz, IReadOnlyList<Matrix<double>> Dhs);

/// <summary>
/// An alignment score e_i = score(z, h_i) between the decoder state z (the query) and every encoder state h_i
/// (the keys). Every example is a column: z (querySize, m), h_i (keySize, m), scores e (Tx, m) with
/// e[i, j] = score(z[:, j], h_i[:, j]).
/// </summary>
/// <remarks>
/// Each implementation also has typed <c>Forward</c>/<c>Backward</c>/<c>Accumulate</c> (the lessons' API); these
/// members wrap them so that <see cref="Attention"/> works with any score.
/// </remarks>
public interface IAttentionScore : IModule
{
    /// <summary>"dot", "scaled_dot", "cosine", "additive" or "bilinear".</summary>
    string Kind { get; }

    /// <summary>n_z, the rows of the query z.</summary>
    int QuerySize { get; }

    /// <summary>n_h, the rows of every key h_i.</summary>
    int KeySize { get; }

    /// <summary>z (querySize, m), h_1 … h_Tx (keySize, m) → scores (Tx, m) and the cache for <see cref="Backward"/>.</summary>
    (Matrix<double> Scores, IScoreCache Cache) Score(Matrix<double> z, IReadOnlyList<Matrix<double>> hs);

    /// <summary>∂L/∂scores (Tx, m) → ∂L/∂z, ∂L/∂h_i and the weight gradients. Does not touch the Grads.</summary>
    ScoreGrads Backward(Matrix<double> dScores, IScoreCache cache);

    /// <summary>Adds the weight gradients in <paramref name="grads"/> (if the score has weights) into their Grads.</summary>
    void Accumulate(ScoreGrads grads);
}
