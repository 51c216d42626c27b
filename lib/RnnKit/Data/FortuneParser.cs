using System.Text.RegularExpressions;

namespace RnnKit.Data;

/// <summary>
/// Reads the poem collections of Debian's <c>fortunes-zh</c> (<c>tang300</c>, <c>song100</c>). The format, as the
/// bytes show (<c>cat -v</c>): entries separated by lines holding only <c>%</c> (sometimes followed by spaces); in
/// each entry the first line is the title wrapped in the ANSI colour codes ESC[32m … ESC[m, optionally prefixed
/// "题目:"; the second is "作者：" or "作者:" and the author (ESC[33m … ESC[m), optionally followed by the dates in
/// full-width brackets "（９４６－９９９）"; then the lines of the poem. Colour codes are removed everywhere.
/// </summary>
public static partial class FortuneParser
{
    private const string TitlePrefix = "题目";
    private const string AuthorPrefix = "作者";

    /// <summary>An ANSI SGR/CSI escape sequence: ESC [ parameters final-letter.</summary>
    [GeneratedRegex(@"\x1B\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    /// <summary>Parses the file at <paramref name="path"/> (UTF-8).</summary>
    public static IReadOnlyList<Poem> ParseFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses fortune text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="FortuneFormatException">An entry lacks a title, an author or any poem line.</exception>
    public static IReadOnlyList<Poem> Parse(string text, string source = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var poems = new List<Poem>();
        var entry = new List<(int LineNumber, string Text)>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "%")
            {
                AddEntry(entry, poems, source);
                entry.Clear();
            }
            else
                entry.Add((i + 1, StripEscapes(lines[i]).Trim()));
        }
        AddEntry(entry, poems, source);
        return poems;
    }

    /// <summary>Removes ANSI colour codes (ESC[32m, ESC[m, …) from <paramref name="line"/>.</summary>
    public static string StripEscapes(string line) => AnsiEscape().Replace(line, "");

    private static void AddEntry(List<(int LineNumber, string Text)> entry, List<Poem> poems, string source)
    {
        var lines = entry.Where(l => l.Text.Length > 0).ToList();
        if (lines.Count == 0)
            return;
        var where = $"{source}: entry {poems.Count + 1} (line {lines[0].LineNumber})";
        if (lines.Count < 3)
            throw new FortuneFormatException($"{where}: expected a title, an author line and at least one poem line, got {lines.Count} line(s)");
        var title = Title(lines[0].Text);
        var (author, lifespan) = Author(lines[1].Text)
            ?? throw new FortuneFormatException($"{source}: line {lines[1].LineNumber}: expected the author line '{AuthorPrefix}：…' after the title, got '{lines[1].Text}'");
        if (title.Length == 0)
            throw new FortuneFormatException($"{where}: the title is empty");
        poems.Add(new Poem(title, author, lifespan, lines.Skip(2).Select(l => l.Text).ToArray()));
    }

    private static string Title(string line)
    {
        var title = WithoutLabel(line, TitlePrefix) ?? line;
        // "《感遇・其一》" → "感遇・其一"; a title with text after the brackets ("《春居杂兴》二首") is kept whole.
        if (title.StartsWith('《') && title.EndsWith('》') && title.IndexOf('》') == title.Length - 1)
            title = title[1..^1];
        return title.Trim();
    }

    private static (string Author, string? Lifespan)? Author(string line)
    {
        var author = WithoutLabel(line, AuthorPrefix);
        if (author is null || author.Length == 0)
            return null;
        var open = author.IndexOf('（');
        if (open > 0 && author.EndsWith('）'))
            return (author[..open].Trim(), author[(open + 1)..^1]);
        return (author, null);
    }

    /// <summary>"作者：杜甫" or "作者:杜甫" → "杜甫"; null when the line does not start with the label.</summary>
    private static string? WithoutLabel(string line, string label)
    {
        if (!line.StartsWith(label, StringComparison.Ordinal))
            return null;
        var rest = line[label.Length..];
        return rest.StartsWith(':') || rest.StartsWith('：') ? rest[1..].Trim() : null;
    }
}
