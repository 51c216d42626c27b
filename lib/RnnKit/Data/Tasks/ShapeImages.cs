using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="ShapeImages"/>.</summary>
public sealed record ShapeImagesOptions
{
    public int Count { get; init; } = 500;

    /// <summary>Images are Size × Size pixels.</summary>
    public int Size { get; init; } = 8;

    public int Seed { get; init; } = 109;
}

/// <summary>
/// A tiny black-and-white image and its caption (1:N: one image in, a word sequence out).
/// <see cref="Pixels"/> is (Size, Size), row 0 at the top, 1 = ink.
/// </summary>
public sealed record ShapeImage(int[,] Pixels, string Caption, string Shape, string Extent, string Position) : IJsonLine
{
    /// <summary>The image as text rows, '#' for ink and '.' for paper.</summary>
    public string[] Rows() => Enumerable.Range(0, Pixels.GetLength(0))
        .Select(r => new string(Enumerable.Range(0, Pixels.GetLength(1)).Select(c => Pixels[r, c] == 1 ? '#' : '.').ToArray()))
        .ToArray();

    /// <summary>The pixels flattened row by row, as a network's input vector of Size² values.</summary>
    public double[] Flatten() => Pixels.Cast<int>().Select(p => (double)p).ToArray();

    public void WriteTo(Utf8JsonWriter json)
    {
        Json.WriteArray(json, "rows", Rows());
        json.WriteString("caption", Caption);
        json.WriteString("shape", Shape);
        json.WriteString("extent", Extent);
        json.WriteString("position", Position);
    }
}

/// <summary>
/// Tiny shape images with captions such as "a small plus at the top left" or "a long vertical line on the right":
/// the caption names the shape, its size and where its centre falls (thirds of the image).
/// </summary>
public static class ShapeImages
{
    /// <summary>Side of a small shape and length of a short line, in pixels.</summary>
    public const int SmallSide = 3;

    /// <summary>Side of a big shape and length of a long line, in pixels.</summary>
    public const int BigSide = 5;

    private const int Thirds = 3;

    /// <summary>The shapes: name and whether a pixel (r, c) of an n × n box is ink.</summary>
    private static readonly (string Name, bool IsLine, Func<int, int, int, bool> Ink)[] Shapes =
    [
        ("square", false, (r, c, n) => r == 0 || c == 0 || r == n - 1 || c == n - 1),
        ("plus", false, (r, c, n) => r == n / 2 || c == n / 2),
        ("cross", false, (r, c, n) => r == c || r + c == n - 1),
        ("triangle", false, (r, c, n) => r == n - 1 || c == 0 || r == c),
        ("horizontal line", true, (r, c, n) => r == n / 2),
        ("vertical line", true, (r, c, n) => c == n / 2),
    ];

    public static IReadOnlyList<ShapeImage> Generate(ShapeImagesOptions? options = null)
    {
        options ??= new ShapeImagesOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Size, BigSide, nameof(options.Size));
        var random = SeededRandom.Create(options.Seed);
        var examples = new ShapeImage[options.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            var shape = random.Pick(Shapes);
            var big = random.Next(2) == 1;
            var n = big ? BigSide : SmallSide;
            var (top, left) = (random.Next(options.Size - n + 1), random.Next(options.Size - n + 1));
            var pixels = new int[options.Size, options.Size];
            for (var r = 0; r < n; r++)
                for (var c = 0; c < n; c++)
                    if (shape.Ink(r, c, n))
                        pixels[top + r, left + c] = 1;
            var extent = shape.IsLine ? big ? "long" : "short" : big ? "big" : "small";
            var position = Position(top + n / 2, left + n / 2, options.Size);
            examples[i] = new ShapeImage(pixels, $"a {extent} {shape.Name} {position}", shape.Name, extent, position);
        }
        return examples;
    }

    /// <summary>"at the top left", "on the right", "in the middle", … from the thirds the centre pixel falls in.</summary>
    public static string Position(int row, int column, int size)
    {
        var vertical = (row * Thirds / size) switch { 0 => "top", 1 => "", _ => "bottom" };
        var horizontal = (column * Thirds / size) switch { 0 => "left", 1 => "", _ => "right" };
        return (vertical, horizontal) switch
        {
            ("", "") => "in the middle",
            ("", _) => $"on the {horizontal}",
            (_, "") => $"at the {vertical}",
            _ => $"at the {vertical} {horizontal}",
        };
    }
}
