using System.Globalization;

namespace RnnKit;

/// <summary>
/// A snapshot of a training run, passed to the progress callback: lessons display it and update it in place,
/// the CLI prints it one line per report.
/// </summary>
/// <param name="Step">Steps done so far (1-based: after the first step, 1).</param>
/// <param name="TotalSteps">Steps the run will do.</param>
/// <param name="Loss">Loss of the latest step.</param>
/// <param name="SmoothedLoss">Exponential moving average of the loss (less noisy than <paramref name="Loss"/>).</param>
/// <param name="GradientNorm">Global gradient norm of the latest step, before clipping.</param>
/// <param name="TokensPerSecond">Tokens processed per second of wall time since the start.</param>
/// <param name="Elapsed">Wall time since the start.</param>
/// <param name="Eta">Estimated time left, assuming the remaining steps run at the average speed so far.</param>
public sealed record TrainingProgress(
    int Step,
    int TotalSteps,
    double Loss,
    double SmoothedLoss,
    double GradientNorm,
    double TokensPerSecond,
    TimeSpan Elapsed,
    TimeSpan Eta)
{
    /// <summary>Fraction of the run done, in [0, 1].</summary>
    public double Fraction => TotalSteps == 0 ? 1 : (double)Step / TotalSteps;

    /// <summary>One line, e.g. <c>step 120/1000 (12%)  loss 1.2345 (avg 1.3012)  |g| 3.21  5,400 tok/s  0:12 elapsed  1:28 left</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"step {Step}/{TotalSteps} ({Fraction:P0})  loss {Loss:F4} (avg {SmoothedLoss:F4})  |g| {GradientNorm:F2}  " +
        $"{TokensPerSecond:N0} tok/s  {Clock(Elapsed)} elapsed  {Clock(Eta)} left");

    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
