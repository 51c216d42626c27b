namespace RnnKit.Handwriting;

/// <summary>
/// Many writers' versions of one character from its single reference trajectory: a seeded random affine
/// distortion, per-stroke speed changes and jitter. Version <c>seed</c> of a character is the same on every run
/// and independent of which other characters or versions are drawn, so a test set can hold out seeds.
/// </summary>
public static class HanziAugmentation
{
    /// <summary>Version <paramref name="seed"/> of <paramref name="character"/> as a pen sequence.</summary>
    /// <param name="character">The reference.</param>
    /// <param name="seed">Which version (≥ 0); the character is mixed in, so version 7 of 土 and of 士 differ.</param>
    /// <param name="options">The amounts of variation; null for the defaults.</param>
    /// <param name="spacing">The reader's spacing before speed changes.</param>
    public static PenSequence Sample(HanziCharacter character, int seed, AugmentationOptions? options = null, double spacing = PenReader.DefaultSpacing)
    {
        ArgumentNullException.ThrowIfNull(character);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        options ??= new AugmentationOptions();
        var random = new Random(MixSeed(seed, character.Character));
        var affine = Affine.Draw(random, options);
        var strokes = new List<PenPoint[]>(character.StrokeCount);
        foreach (var stroke in character.Strokes)
        {
            var moved = stroke.Select(p => affine.Apply(HanziCharacter.ToUnitBox(p))).ToArray();
            var speed = Math.Exp(options.LogSpeed * Normal(random));
            var points = StrokeResampling.Resample(moved, spacing * speed);
            for (var i = 0; i < points.Length; i++)
                points[i] = new PenPoint(points[i].X + options.Jitter * Normal(random), points[i].Y + options.Jitter * Normal(random));
            strokes.Add(points);
        }
        return PenReader.FromStrokes(strokes, spacing);
    }

    /// <summary>x ↦ A(x − c) + c + shift around the box's centre c.</summary>
    private readonly record struct Affine(double A11, double A12, double A21, double A22, double ShiftX, double ShiftY)
    {
        public static Affine Draw(Random random, AugmentationOptions o)
        {
            var angle = o.Rotation * Normal(random);
            var shear = o.Shear * Normal(random);
            var sx = Math.Exp(o.LogScale * Normal(random));
            var sy = Math.Exp(o.LogScale * Normal(random));
            double cos = Math.Cos(angle), sin = Math.Sin(angle);
            // rotation · shear · scale
            return new Affine(cos * sx, (cos * shear - sin) * sy, sin * sx, (sin * shear + cos) * sy,
                o.Shift * Normal(random), o.Shift * Normal(random));
        }

        public PenPoint Apply(PenPoint p)
        {
            double x = p.X - PenReader.Origin.X, y = p.Y - PenReader.Origin.Y;
            return new PenPoint(A11 * x + A12 * y + PenReader.Origin.X + ShiftX, A21 * x + A22 * y + PenReader.Origin.Y + ShiftY);
        }
    }

    private static int MixSeed(int seed, string character)
    {
        var mixed = (uint)seed * 2654435761u;
        foreach (var c in character)
            mixed = (mixed ^ c) * 16777619u;
        return (int)(mixed & int.MaxValue);
    }

    private static double Normal(Random random) => NormalDraw.Standard(random);
}
