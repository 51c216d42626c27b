using System.Text.Json;

namespace RnnKit.Handwriting;

/// <summary>
/// One Chinese character (汉字) as the hanzi-writer-data package describes it: its strokes (笔画) in the correct
/// stroke order (笔顺), each stroke the ordered points of its centre line (the package's <c>medians</c>) in a
/// 1024 × 1024 box whose y axis points up and runs from <see cref="BoxBottom"/> to <see cref="BoxBottom"/> + 1024.
/// </summary>
/// <param name="Character">The character, e.g. "永".</param>
/// <param name="Strokes">Stroke k's centre line, in writing order; every stroke has at least one point.</param>
public sealed record HanziCharacter(string Character, IReadOnlyList<IReadOnlyList<PenPoint>> Strokes)
{
    /// <summary>The side of the data's square box.</summary>
    public const double BoxSize = 1024;

    /// <summary>The lowest y of the box (Make Me a Hanzi's glyphs sit on y = −124 … 900).</summary>
    public const double BoxBottom = -124;

    /// <summary>The number of strokes (笔画数).</summary>
    public int StrokeCount => Strokes.Count;

    /// <summary>
    /// Reads one character's JSON (an object with a <c>medians</c> array: for every stroke an array of [x, y]
    /// pairs); other members (<c>strokes</c>, <c>radStrokes</c>) are ignored.
    /// </summary>
    /// <param name="character">The character the file describes (its file name without <c>.json</c>).</param>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <exception cref="HanziFormatException">Not JSON, no <c>medians</c>, a stroke without points, a point that is not two numbers.</exception>
    public static HanziCharacter Parse(string character, string json, string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(character);
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("medians", out var medians))
                throw new HanziFormatException($"{source}: no 'medians' member (the centre lines of the strokes)");
            if (medians.ValueKind != JsonValueKind.Array || medians.GetArrayLength() == 0)
                throw new HanziFormatException($"{source}: 'medians' must be a non-empty array of strokes");
            var strokes = new List<IReadOnlyList<PenPoint>>();
            foreach (var stroke in medians.EnumerateArray())
            {
                var k = strokes.Count + 1;
                if (stroke.ValueKind != JsonValueKind.Array || stroke.GetArrayLength() == 0)
                    throw new HanziFormatException($"{source}: stroke {k} of 'medians' must be a non-empty array of [x, y] points");
                var points = new List<PenPoint>();
                foreach (var point in stroke.EnumerateArray())
                {
                    if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() != 2
                        || point[0].ValueKind != JsonValueKind.Number || point[1].ValueKind != JsonValueKind.Number)
                        throw new HanziFormatException($"{source}: stroke {k}, point {points.Count + 1}: expected [x, y], got {point.GetRawText()}");
                    points.Add(new PenPoint(point[0].GetDouble(), point[1].GetDouble()));
                }
                strokes.Add(points);
            }
            return new HanziCharacter(character, strokes);
        }
        catch (JsonException e)
        {
            throw new HanziFormatException($"{source}: not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>A point of the box mapped to the unit square [0, 1]² (y still up).</summary>
    public static PenPoint ToUnitBox(PenPoint p) => new(p.X / BoxSize, (p.Y - BoxBottom) / BoxSize);

    public override string ToString() => $"{Character} ({StrokeCount} strokes)";
}
