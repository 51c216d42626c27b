namespace RnnKit.Exercises;

/// <summary>
/// How close a student's number must be to the expected one: |actual − expected| ≤ Absolute + Relative·|expected|
/// (numpy's <c>allclose</c> rule).
/// </summary>
/// <param name="Absolute">Allowed absolute difference; 1e-8 ignores round-off around zero.</param>
/// <param name="Relative">Allowed difference relative to the expected value; 1e-6 accepts a different but
/// correct order of floating-point operations in double precision.</param>
public sealed record Tolerance(double Absolute = 1e-8, double Relative = 1e-6)
{
    /// <summary>The default for double-precision exercises.</summary>
    public static Tolerance Default { get; } = new();

    public bool Accepts(double actual, double expected) =>
        actual.Equals(expected) || Math.Abs(actual - expected) <= Absolute + Relative * Math.Abs(expected);

    public override string ToString() => $"|diff| <= {Absolute:G3} + {Relative:G3}*|expected|";
}
