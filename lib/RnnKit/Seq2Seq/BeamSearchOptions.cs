namespace RnnKit;

/// <summary>Settings of <see cref="Seq2SeqModel.BeamSearch"/>.</summary>
/// <param name="Width">k, the number of partial outputs kept at each step (k = 1 is greedy decoding).</param>
/// <param name="MaxLength">Most output tokens (the end token included) before a hypothesis is cut off.</param>
/// <param name="LengthPenalty">
/// α of the length normalisation score = log p / lengthᵅ (length counts the end token): 0 ranks by raw log-probability,
/// which favours short outputs; 1 ranks by mean log-probability per token.
/// </param>
public sealed record BeamSearchOptions(int Width = 4, int MaxLength = 50, double LengthPenalty = 0)
{
    public void Validate()
    {
        if (Width < 1) throw new ArgumentOutOfRangeException(nameof(Width), Width, $"{nameof(Width)} (the beam width k) must be at least 1 but is {Width}");
        if (MaxLength < 1) throw new ArgumentOutOfRangeException(nameof(MaxLength), MaxLength, $"{nameof(MaxLength)} must be at least 1 but is {MaxLength}");
        if (LengthPenalty < 0 || !double.IsFinite(LengthPenalty))
            throw new ArgumentOutOfRangeException(nameof(LengthPenalty), LengthPenalty, $"{nameof(LengthPenalty)} must be ≥ 0 but is {LengthPenalty}");
    }

    /// <summary>The ranking score of a hypothesis with this log-probability and length.</summary>
    public double Normalise(double logProbability, int length) =>
        LengthPenalty == 0 ? logProbability : logProbability / Math.Pow(length, LengthPenalty);
}
