namespace RnnKit.Handwriting;

/// <summary>
/// How much <see cref="HanziAugmentation"/> varies a character: an affine distortion of the whole character, a
/// change of writing speed per stroke, and jitter per point. Each amount is the standard deviation of a normal
/// draw; zero turns that variation off.
/// </summary>
public sealed record AugmentationOptions
{
    /// <summary>Rotation, radians (0.08 ≈ 4.6°).</summary>
    public double Rotation { get; init; } = 0.08;

    /// <summary>Horizontal shear: x += shear · (y − ½), a slant.</summary>
    public double Shear { get; init; } = 0.12;

    /// <summary>Log of the scale of each axis (0.1 ≈ ±10 %), drawn for x and y separately.</summary>
    public double LogScale { get; init; } = 0.1;

    /// <summary>Shift of the whole character, a fraction of the box's side.</summary>
    public double Shift { get; init; } = 0.03;

    /// <summary>Log of each stroke's speed: the stroke is resampled at spacing × speed, so a fast stroke has fewer points.</summary>
    public double LogSpeed { get; init; } = 0.25;

    /// <summary>Noise added to every resampled point, a fraction of the box's side.</summary>
    public double Jitter { get; init; } = 0.004;

    /// <summary>No variation at all: <see cref="HanziAugmentation.Sample"/> then equals <see cref="PenReader.Read"/>.</summary>
    public static AugmentationOptions None { get; } = new() { Rotation = 0, Shear = 0, LogScale = 0, Shift = 0, LogSpeed = 0, Jitter = 0 };
}
