using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>One decoded output sequence.</summary>
/// <param name="Tokens">The output ids, without the start token and without the end token.</param>
/// <param name="LogProbability">log p(tokens, end | source) = Σ_t log p(y⟨t⟩ | y⟨&lt;t⟩, source), end token included when emitted.</param>
/// <param name="Ended">True when the decoder emitted the end token (false when it hit the length limit).</param>
/// <param name="Weights">
/// Attention weights, one row per output step (every emitted token, the end token included) and one column per
/// source position; a 0 × Tx matrix without attention. Ready for <see cref="Charts.AttentionHeatmap"/>.
/// </param>
/// <param name="Score">What the search ranked by: the log-probability, divided by lengthᵅ when length-normalised.</param>
public sealed record Translation(IReadOnlyList<int> Tokens, double LogProbability, bool Ended, Matrix<double> Weights, double Score);
