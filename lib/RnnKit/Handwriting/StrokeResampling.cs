namespace RnnKit.Handwriting;

/// <summary>
/// Resampling a stroke's centre line to an even spacing, so that one step of a pen sequence is about the same
/// distance everywhere (the data's points sit wherever the glyph's outline bends, not at even steps).
/// </summary>
public static class StrokeResampling
{
    /// <summary>
    /// The points at arc lengths k·L/n, k = 0 … n, along the polyline <paramref name="stroke"/> of length L, with
    /// n = ⌈L / spacing⌉: both ends kept, every gap equal and at most <paramref name="spacing"/>. A stroke of length 0
    /// becomes its first point.
    /// </summary>
    /// <param name="stroke">The polyline, at least one point.</param>
    /// <param name="spacing">The largest distance between neighbours (&gt; 0), in the stroke's units.</param>
    public static PenPoint[] Resample(IReadOnlyList<PenPoint> stroke, double spacing)
    {
        ArgumentNullException.ThrowIfNull(stroke);
        if (stroke.Count == 0) throw new ArgumentException("a stroke needs at least one point", nameof(stroke));
        if (!(spacing > 0)) throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "the spacing must be > 0");
        var length = Length(stroke);
        if (length == 0) return [stroke[0]];
        var n = Math.Max(1, (int)Math.Ceiling(length / spacing - Tolerance));
        var points = new PenPoint[n + 1];
        points[0] = stroke[0];
        points[n] = stroke[^1];
        int segment = 0;
        double walked = 0;   // arc length at the start of the current segment
        for (var k = 1; k < n; k++)
        {
            var target = k * length / n;
            while (walked + stroke[segment].DistanceTo(stroke[segment + 1]) < target)
                walked += stroke[segment].DistanceTo(stroke[++segment]);
            var a = stroke[segment];
            var b = stroke[segment + 1];
            var t = (target - walked) / a.DistanceTo(b);
            points[k] = new PenPoint(a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y));
        }
        return points;
    }

    /// <summary>The polyline's length: the sum of its segments.</summary>
    public static double Length(IReadOnlyList<PenPoint> stroke)
    {
        ArgumentNullException.ThrowIfNull(stroke);
        double length = 0;
        for (var i = 1; i < stroke.Count; i++)
            length += stroke[i - 1].DistanceTo(stroke[i]);
        return length;
    }

    /// <summary>Keeps L / spacing = 3 (up to rounding) from becoming 4 gaps.</summary>
    private const double Tolerance = 1e-9;
}
