namespace RnnKit.Handwriting;

/// <summary>A point of a pen trajectory. In a <see cref="HanziCharacter"/> it is in the data's 1024 × 1024 box (y up).</summary>
public readonly record struct PenPoint(double X, double Y)
{
    public double DistanceTo(PenPoint other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));

    public override string ToString() => FormattableString.Invariant($"({X:G4}, {Y:G4})");
}
