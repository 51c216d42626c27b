using System.Text.Json;

namespace RnnKit.Data;

/// <summary>
/// Reads the JSON of the chinese-poetry project (npm package chinese-poetry): an array of entries, each with an
/// "author", "paragraphs" (the lines, punctuation kept) and a title — "rhythmic" (the tune, 词牌) for the Song
/// lyrics, "title" for the poems.
/// </summary>
public static class ChinesePoetryJson
{
    /// <summary>Reads a file; the title of an entry is its "rhythmic", else its "title".</summary>
    /// <exception cref="FileNotFoundException">The message names the path.</exception>
    /// <exception cref="FormatException">Not JSON, or an entry without author or lines; the message names the file and entry.</exception>
    public static IReadOnlyList<Poem> ParseFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"chinese-poetry file {Path.GetFullPath(path)} does not exist", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads JSON text; <paramref name="where"/> names its source in messages.</summary>
    public static IReadOnlyList<Poem> Parse(string json, string where)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where}: not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{where}: expected an array of entries, found {document.RootElement.ValueKind}");
            var poems = new List<Poem>();
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                poems.Add(Entry(entry, $"{where}: entry {index}"));
                index++;
            }
            return poems;
        }
    }

    private static Poem Entry(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{where}: expected an object, found {entry.ValueKind}");
        var author = Text(entry, "author", where) ?? throw new FormatException($"{where}: no \"author\"");
        var title = Text(entry, "rhythmic", where) ?? Text(entry, "title", where) ?? throw new FormatException($"{where}: neither \"rhythmic\" nor \"title\"");
        if (!entry.TryGetProperty("paragraphs", out var paragraphs) || paragraphs.ValueKind != JsonValueKind.Array)
            throw new FormatException($"{where}: \"paragraphs\" must be an array of lines");
        var lines = new List<string>();
        foreach (var line in paragraphs.EnumerateArray())
        {
            if (line.ValueKind != JsonValueKind.String)
                throw new FormatException($"{where}: \"paragraphs\" holds a {line.ValueKind}, not a line of text");
            if (line.GetString()!.Trim() is { Length: > 0 } text)
                lines.Add(text);
        }
        if (lines.Count == 0)
            throw new FormatException($"{where}: \"paragraphs\" holds no line");
        return new Poem(title, author, null, lines);
    }

    private static string? Text(JsonElement entry, string name, string where)
    {
        if (!entry.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new FormatException($"{where}: \"{name}\" must be a string, found {value.ValueKind}");
        return value.GetString();
    }
}
