namespace RnnKit.Handwriting;

/// <summary>
/// A character as a recurrent network reads and writes it: one step per pen point,
/// x⟨t⟩ = (Δx⟨t⟩, Δy⟨t⟩, p⟨t⟩) — the move from the previous point (from <see cref="Origin"/> for the first) in units
/// of <see cref="Spacing"/>, and p⟨t⟩ = 1 when the pen lifts after this point (the last point of a stroke), else 0.
/// </summary>
/// <param name="Dx">Δx⟨t⟩ for t = 1 … T.</param>
/// <param name="Dy">Δy⟨t⟩ (y up).</param>
/// <param name="Pen">p⟨t⟩, 0 or 1.</param>
/// <param name="Spacing">The unit of the offsets, as a fraction of the box's side.</param>
/// <param name="Origin">Where the pen starts, in the unit box.</param>
public sealed record PenSequence(float[] Dx, float[] Dy, float[] Pen, double Spacing, PenPoint Origin)
{
    /// <summary>Features per step: Δx, Δy, p.</summary>
    public const int Features = 3;

    /// <summary>T.</summary>
    public int Length => Dx.Length;

    /// <summary>The number of pen lifts (a sequence from <see cref="PenReader"/> lifts once per stroke).</summary>
    public int StrokeCount => Pen.Count(p => p > 0.5f);

    /// <summary>
    /// The points in the unit box, grouped into strokes at every pen lift (a trailing unfinished stroke is kept):
    /// the inverse of <see cref="PenReader.FromStrokes"/>.
    /// </summary>
    public IReadOnlyList<PenPoint[]> ToStrokes()
    {
        var strokes = new List<PenPoint[]>();
        var current = new List<PenPoint>();
        double x = Origin.X, y = Origin.Y;
        for (var t = 0; t < Length; t++)
        {
            x += Dx[t] * Spacing;
            y += Dy[t] * Spacing;
            current.Add(new PenPoint(x, y));
            if (Pen[t] > 0.5f)
            {
                strokes.Add([.. current]);
                current.Clear();
            }
        }
        if (current.Count > 0) strokes.Add([.. current]);
        return strokes;
    }

    /// <summary>The first <paramref name="steps"/> steps (a prefix for priming a writer).</summary>
    public PenSequence Take(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        steps = Math.Min(steps, Length);
        return this with { Dx = Dx[..steps], Dy = Dy[..steps], Pen = Pen[..steps] };
    }
}
