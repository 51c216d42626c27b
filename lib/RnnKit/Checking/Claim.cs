using System.Globalization;

namespace RnnKit;

/// <summary>
/// What a lesson's prose says its run shows, checked by that run. A claim that holds shows one line with its
/// measurement (<c>✓ the LSTM solves the adding problem: 97.0 % (≥ 90 %)</c>); one that fails shows ✗ and throws
/// <see cref="ClaimFailedException"/>, so the cell, <c>rnnkit run</c> and the build fail. State the margin a claim
/// needs across seeds and machines, not the digits of one run.
/// </summary>
/// <remarks>
/// The notebook engine shows claims as a distinct output (<see cref="Shown"/>) and lists them in the run report;
/// outside a notebook they are printed. With <see cref="KitSettings.ClaimsReportOnly"/> a failed claim is shown
/// but does not throw, so a whole lesson runs and reports every claim (the short-training check uses this).
/// </remarks>
public static class Claim
{
    /// <summary>
    /// Where claims go. The notebook engine replaces it to show a claim as its own output; the default prints the
    /// claim's line.
    /// </summary>
    public static Action<ClaimResult> Shown { get; set; } = claim => Console.WriteLine(claim.ToString());

    /// <summary><paramref name="measured"/> ≥ <paramref name="floor"/>.</summary>
    /// <param name="text">The sentence of the prose this checks.</param>
    /// <param name="measured">The value the run measured.</param>
    /// <param name="floor">The least value for which the sentence is still true.</param>
    /// <param name="format">.NET numeric format of the printed values, e.g. "F1".</param>
    /// <param name="unit">Printed after each value, e.g. "%".</param>
    /// <param name="trained">True when the claim only holds after training.</param>
    public static ClaimResult AtLeast(string text, double measured, double floor, string format = "G4", string unit = "", bool trained = false) =>
        Check(text, measured >= floor, Value(measured, format, unit), "≥ " + Value(floor, format, unit), trained);

    /// <summary><paramref name="measured"/> ≤ <paramref name="ceiling"/>.</summary>
    /// <inheritdoc cref="AtLeast" path="/param"/>
    public static ClaimResult AtMost(string text, double measured, double ceiling, string format = "G4", string unit = "", bool trained = false) =>
        Check(text, measured <= ceiling, Value(measured, format, unit), "≤ " + Value(ceiling, format, unit), trained);

    /// <summary><paramref name="low"/> ≤ <paramref name="measured"/> ≤ <paramref name="high"/>.</summary>
    /// <inheritdoc cref="AtLeast" path="/param"/>
    public static ClaimResult Between(string text, double measured, double low, double high, string format = "G4", string unit = "", bool trained = false) =>
        Check(text, measured >= low && measured <= high, Value(measured, format, unit),
            Exercises.Feedback.ClaimBetween(Value(low, format, unit), Value(high, format, unit)), trained);

    /// <summary>Any condition over several measurements, e.g. "the LSTM beats the RNN by 20 points".</summary>
    /// <param name="text">The sentence of the prose this checks.</param>
    /// <param name="holds">Whether the condition held on this run.</param>
    /// <param name="measured">The measurements as they should be printed, e.g. "LSTM 97.0 %, RNN 21.0 %".</param>
    /// <param name="condition">The condition in words or symbols, e.g. "LSTM ≥ RNN + 20 points".</param>
    /// <param name="trained">True when the claim only holds after training.</param>
    public static ClaimResult That(string text, bool holds, string measured, string condition, bool trained = false) =>
        Check(text, holds, measured, condition, trained);

    private static ClaimResult Check(string text, bool holds, string measured, string condition, bool trained)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("a claim needs the sentence it checks", nameof(text));
        var claim = new ClaimResult(text.Trim(), measured, condition, holds, trained);
        Shown(claim);
        if (!holds && !KitSettings.Current.ClaimsReportOnly) throw new ClaimFailedException(claim);
        return claim;
    }

    private static string Value(double value, string format, string unit)
    {
        var number = double.IsNaN(value) ? "NaN" : value.ToString(format, CultureInfo.InvariantCulture);
        return unit.Length == 0 ? number : unit == "%" ? number + " %" : $"{number} {unit}";
    }
}
