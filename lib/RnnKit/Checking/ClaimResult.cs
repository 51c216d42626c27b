namespace RnnKit;

/// <summary>
/// One claim a lesson's prose makes about its run, and whether the run bore it out.
/// </summary>
/// <param name="Text">The sentence the prose relies on, e.g. "the LSTM solves the adding problem".</param>
/// <param name="Measured">The measurement as printed, e.g. "97.0 %".</param>
/// <param name="Condition">What the measurement must satisfy, e.g. "≥ 90 %".</param>
/// <param name="Held">Whether the condition held on this run.</param>
/// <param name="Trained">True when the claim only holds after training: short-training mode must make it fail.</param>
public sealed record ClaimResult(string Text, string Measured, string Condition, bool Held, bool Trained)
{
    /// <summary>The line a notebook shows: <c>✓ text: measured (condition)</c>, with ✗ when it failed.</summary>
    public override string ToString() => $"{(Held ? "✓" : "✗")} {Text}: {Measured} ({Condition})";
}
