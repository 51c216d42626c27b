using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="PenStrokes"/>.</summary>
public sealed record PenStrokesOptions
{
    /// <summary>Examples per letter.</summary>
    public int PerLetter { get; init; } = 50;

    /// <summary>Distance between sampled points along a stroke, in letter heights.</summary>
    public double Spacing { get; init; } = 0.12;

    /// <summary>Largest random displacement of a point, in letter heights: the unsteadiness of the hand.</summary>
    public double Jitter { get; init; } = 0.02;

    /// <summary>Largest horizontal shear (x += slant·y): how far the writing leans.</summary>
    public double Slant { get; init; } = 0.2;

    /// <summary>Letter heights are drawn from [1 − ScaleSpread, 1 + ScaleSpread].</summary>
    public double ScaleSpread { get; init; } = 0.2;

    /// <summary>Coordinates are rounded to this many decimals.</summary>
    public int Decimals { get; init; } = 3;

    public int Seed { get; init; } = 108;
}

/// <summary>
/// One pen position. <see cref="PenDown"/> is false on the first point of each stroke (the pen travels there in
/// the air) and true on the points drawn from the previous one.
/// </summary>
public readonly record struct PenPoint(double X, double Y, bool PenDown);

/// <summary>A handwritten letter as a sequence of pen points (x, y, pen-down): absolute coordinates, y up.</summary>
public sealed record PenLetter(char Letter, PenPoint[] Points) : IJsonLine
{
    /// <summary>The sketch-rnn form: (Δx, Δy, pen-down) from the previous point (the first from the origin).</summary>
    public (double Dx, double Dy, bool PenDown)[] Offsets() =>
        Points.Select((p, i) => i == 0 ? (p.X, p.Y, p.PenDown) : (p.X - Points[i - 1].X, p.Y - Points[i - 1].Y, p.PenDown)).ToArray();

    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteString("letter", Letter.ToString());
        json.WriteStartArray("points");
        foreach (var p in Points)
        {
            json.WriteStartArray();
            json.WriteNumberValue(p.X);
            json.WriteNumberValue(p.Y);
            json.WriteNumberValue(p.PenDown ? 1 : 0);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}

/// <summary>
/// Pen-stroke sequences of a few capital letters, for generating handwriting and classifying sequences of
/// points. Each letter is a few strokes in a unit box; every example resamples the strokes at a fixed spacing and
/// writes them with its own size, slant, position and a little jitter.
/// </summary>
public static class PenStrokes
{
    private const int ArcSegments = 12;

    /// <summary>The letters and their strokes (polylines in the unit box, y up).</summary>
    public static IReadOnlyDictionary<char, (double X, double Y)[][]> Letters { get; } = new SortedDictionary<char, (double, double)[][]>
    {
        ['C'] = [Arc(0.4, 0.5, 0.4, 0.5, 45, 315)],
        ['L'] = [[(0, 1), (0, 0), (0.6, 0)]],
        ['N'] = [[(0, 0), (0, 1), (0.7, 0), (0.7, 1)]],
        ['O'] = [Arc(0.4, 0.5, 0.4, 0.5, 90, 450)],
        ['T'] = [[(0, 1), (0.8, 1)], [(0.4, 1), (0.4, 0)]],
        ['V'] = [[(0, 1), (0.4, 0), (0.8, 1)]],
        ['X'] = [[(0, 1), (0.7, 0)], [(0.7, 1), (0, 0)]],
        ['Z'] = [[(0, 1), (0.7, 1), (0, 0), (0.7, 0)]],
    };

    /// <summary>PerLetter examples of each letter, letters interleaved (C, L, N, …, C, L, N, …).</summary>
    public static IReadOnlyList<PenLetter> Generate(PenStrokesOptions? options = null)
    {
        options ??= new PenStrokesOptions();
        if (!(options.Spacing > 0))
            throw new ArgumentOutOfRangeException(nameof(options), $"Spacing must be > 0, got {options.Spacing}");
        var random = SeededRandom.Create(options.Seed);
        var examples = new List<PenLetter>();
        for (var i = 0; i < options.PerLetter; i++)
            foreach (var (letter, strokes) in Letters)
                examples.Add(Write(letter, strokes, random, options));
        return examples;
    }

    private static PenLetter Write(char letter, (double X, double Y)[][] strokes, Random random, PenStrokesOptions o)
    {
        var scale = random.Uniform(1 - o.ScaleSpread, 1 + o.ScaleSpread);
        var slant = random.Uniform(-o.Slant, o.Slant);
        var (left, bottom) = (random.Uniform(0, o.ScaleSpread), random.Uniform(0, o.ScaleSpread));
        var points = new List<PenPoint>();
        foreach (var stroke in strokes)
        {
            var first = true;
            foreach (var (x, y) in Resample(stroke, o.Spacing))
            {
                var jx = random.Uniform(-o.Jitter, o.Jitter);
                var jy = random.Uniform(-o.Jitter, o.Jitter);
                var px = left + scale * (x + slant * y) + jx;
                var py = bottom + scale * y + jy;
                points.Add(new PenPoint(Math.Round(px, o.Decimals), Math.Round(py, o.Decimals), PenDown: !first));
                first = false;
            }
        }
        return new PenLetter(letter, [.. points]);
    }

    /// <summary>Points along the polyline at most <paramref name="spacing"/> apart, both ends included.</summary>
    private static IEnumerable<(double X, double Y)> Resample((double X, double Y)[] polyline, double spacing)
    {
        yield return polyline[0];
        for (var i = 1; i < polyline.Length; i++)
        {
            var (a, b) = (polyline[i - 1], polyline[i]);
            var length = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
            var pieces = Math.Max(1, (int)Math.Ceiling(length / spacing));
            for (var k = 1; k <= pieces; k++)
                yield return (a.X + (b.X - a.X) * k / pieces, a.Y + (b.Y - a.Y) * k / pieces);
        }
    }

    /// <summary>An elliptic arc around (cx, cy) with radii (rx, ry) from one angle to another, in degrees.</summary>
    private static (double X, double Y)[] Arc(double cx, double cy, double rx, double ry, double fromDegrees, double toDegrees) =>
        Enumerable.Range(0, ArcSegments + 1)
            .Select(k => (fromDegrees + (toDegrees - fromDegrees) * k / ArcSegments) * Math.PI / 180)
            .Select(angle => (cx + rx * Math.Cos(angle), cy + ry * Math.Sin(angle)))
            .ToArray();
}
