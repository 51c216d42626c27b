namespace RnnKit;

/// <summary>Checks on configuration values, so a bad learning rate fails at construction with its name, not as NaNs later.</summary>
internal static class HyperParameter
{
    public static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number but is {value}");

    /// <summary>A decay rate in [0, 1).</summary>
    public static double Decay(double value, string name) =>
        value is >= 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1) but is {value}");
}
