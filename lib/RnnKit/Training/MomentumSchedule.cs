namespace RnnKit;

/// <summary>
/// The momentum schedule of Sutskever, Martens, Dahl &amp; Hinton (2013): μₜ = min(1 − 2^(−1 − log₂(⌊t / every⌋ + 1)), μ_max),
/// that is 1 − 1 / (2(⌊t / every⌋ + 1)): 0.5 for the first <paramref name="Every"/> steps, then 0.75, 0.833, 0.875, …
/// up to <paramref name="Max"/>. Small momentum while the weights move far, large once they settle in a valley.
/// </summary>
/// <param name="Max">μ_max, the ceiling (the paper tries 0.9 … 0.999).</param>
/// <param name="Every">Steps between two increases (the paper: 250).</param>
public sealed record MomentumSchedule(double Max = 0.99, int Every = 250)
{
    public double Max { get; init; } = HyperParameter.Decay(Max, nameof(Max));

    public int Every { get; init; } = Every >= 1
        ? Every
        : throw new ArgumentOutOfRangeException(nameof(Every), Every, $"Every must be ≥ 1 but is {Every}");

    /// <summary>μₜ for the 0-based step <paramref name="t"/>.</summary>
    public double At(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        var stage = t / Every + 1;
        return Math.Min(1 - 1.0 / (2.0 * stage), Max);
    }
}
