namespace RnnKit.Handwriting;

/// <summary>
/// Turns a character's strokes into a <see cref="PenSequence"/>: each stroke resampled to an even spacing in the
/// unit box, the points chained as offsets (Δx, Δy) in units of that spacing, and a pen-up flag at each stroke's
/// last point.
/// </summary>
public static class PenReader
{
    /// <summary>The default spacing: 1/20 of the box's side, about 5 points along a stroke as long as half the box.</summary>
    public const double DefaultSpacing = 0.05;

    /// <summary>Where every sequence's pen starts: the box's centre.</summary>
    public static readonly PenPoint Origin = new(0.5, 0.5);

    /// <summary>The pen sequence of <paramref name="character"/> at the given spacing (a fraction of the box's side).</summary>
    public static PenSequence Read(HanziCharacter character, double spacing = DefaultSpacing)
    {
        ArgumentNullException.ThrowIfNull(character);
        var unit = character.Strokes.Select(s => s.Select(HanziCharacter.ToUnitBox).ToArray());
        return FromStrokes([.. unit.Select(s => StrokeResampling.Resample(s, spacing))], spacing);
    }

    /// <summary>Chains strokes already in the unit box (and already resampled) into offsets and pen flags.</summary>
    /// <param name="strokes">Points in the unit box, stroke by stroke.</param>
    /// <param name="spacing">The unit the offsets are divided by.</param>
    public static PenSequence FromStrokes(IReadOnlyList<IReadOnlyList<PenPoint>> strokes, double spacing)
    {
        ArgumentNullException.ThrowIfNull(strokes);
        if (!(spacing > 0)) throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "the spacing must be > 0");
        var length = strokes.Sum(s => s.Count);
        if (length == 0) throw new ArgumentException("a pen sequence needs at least one point", nameof(strokes));
        float[] dx = new float[length], dy = new float[length], pen = new float[length];
        var previous = Origin;
        var t = 0;
        foreach (var stroke in strokes)
            for (var i = 0; i < stroke.Count; i++, t++)
            {
                dx[t] = (float)((stroke[i].X - previous.X) / spacing);
                dy[t] = (float)((stroke[i].Y - previous.Y) / spacing);
                pen[t] = i == stroke.Count - 1 ? 1f : 0f;
                previous = stroke[i];
            }
        return new PenSequence(dx, dy, pen, spacing, Origin);
    }
}
