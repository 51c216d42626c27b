using System.Text.RegularExpressions;

namespace RnnKit.Notebooks.Exercises;

/// <summary>The kinds of marker line a cell may hold (see README.md in this folder for the grammar).</summary>
internal enum Marker
{
    None,
    BeginSolution,
    EndSolution,
    BeginHiddenTests,
    EndHiddenTests,
}

/// <summary>
/// The exercise markup's lexical rules: which lines are headers and markers. Everything that looks almost like
/// markup (wrong case, missing points) is reported instead of silently ignored, so a typo never leaks a solution.
/// </summary>
internal static partial class ExerciseMarkup
{
    public const string BeginSolution = "// BEGIN SOLUTION";
    public const string EndSolution = "// END SOLUTION";
    public const string BeginHiddenTests = "// BEGIN HIDDEN TESTS";
    public const string EndHiddenTests = "// END HIDDEN TESTS";

    /// <summary>The line a student version shows where hidden tests were.</summary>
    public const string HiddenTestsNote = "// (hidden tests of this exercise run when your notebook is graded)";

    public const string HeaderGrammar = "// Exercise ID: Title (N points)";
    public const string TestsGrammar = "// Tests for ID";

    /// <summary>An exercise id: letters and digits in groups joined by '.' or '-', e.g. 3.2, 3.2a, lstm-1.</summary>
    private const string IdPattern = @"[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*";

    [GeneratedRegex(@"^//\s*Exercise\s+(?<id>" + IdPattern + @")\s*:\s*(?<title>\S.*?)\s*\((?<points>\d+)\s+points?\)\s*$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^//\s*exercise\s+[^\s:]+\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLike();

    [GeneratedRegex(@"^//\s*Tests\s+for\s+(?<id>" + IdPattern + @")\s*$")]
    private static partial Regex Tests();

    [GeneratedRegex(@"^//\s*tests?\s+(?:for|of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TestsLike();

    [GeneratedRegex(@"^//\s*(?<edge>BEGIN|END)\s+(?<what>SOLUTION|HIDDEN TESTS)\s*$")]
    private static partial Regex MarkerLine();

    [GeneratedRegex(@"^//\s*(?:BEGIN|END)\s*(?:SOLUTIONS?|HIDDEN\s*TESTS?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MarkerLike();

    /// <summary>The header on a cell's first line: (id, title, points), or null when the line is no header.</summary>
    /// <exception cref="FormatException">The line looks like a header but does not follow the grammar.</exception>
    public static (string Id, string Title, int Points)? ParseHeader(string line)
    {
        var m = Header().Match(line.Trim());
        if (m.Success)
        {
            if (!int.TryParse(m.Groups["points"].Value, out var points) || points < 1)
                throw new FormatException($"exercise {m.Groups["id"].Value} must be worth at least 1 point, got '{m.Groups["points"].Value}'");
            return (m.Groups["id"].Value, m.Groups["title"].Value, points);
        }
        if (IsHeaderLike(line))
            throw new FormatException($"'{line.Trim()}' looks like an exercise header but is not '{HeaderGrammar}' (e.g. // Exercise 3.2: One RNN step (2 points))");
        return null;
    }

    /// <summary>True for a line that is an exercise header (used to find misplaced headers).</summary>
    public static bool IsStrictHeader(string line) => Header().IsMatch(line.Trim());

    private static bool IsHeaderLike(string line) => HeaderLike().IsMatch(line.Trim());

    /// <summary>The exercise id of a tests header on a cell's first line, or null when the line is none.</summary>
    /// <exception cref="FormatException">The line looks like a tests header but does not follow the grammar.</exception>
    public static string? ParseTestsHeader(string line)
    {
        var m = Tests().Match(line.Trim());
        if (m.Success) return m.Groups["id"].Value;
        if (TestsLike().IsMatch(line.Trim()))
            throw new FormatException($"'{line.Trim()}' looks like a tests header but is not '{TestsGrammar}' (e.g. // Tests for 3.2)");
        return null;
    }

    /// <summary>Which marker a line is.</summary>
    /// <exception cref="FormatException">The line looks like a marker but is not spelled exactly.</exception>
    public static Marker ParseMarker(string line)
    {
        var text = line.Trim();
        var m = MarkerLine().Match(text);
        if (m.Success)
            return (m.Groups["edge"].Value, m.Groups["what"].Value) switch
            {
                ("BEGIN", "SOLUTION") => Marker.BeginSolution,
                ("END", "SOLUTION") => Marker.EndSolution,
                ("BEGIN", _) => Marker.BeginHiddenTests,
                _ => Marker.EndHiddenTests,
            };
        if (MarkerLike().IsMatch(text))
            throw new FormatException($"'{text}' looks like a marker but is not one of '{BeginSolution}', '{EndSolution}', '{BeginHiddenTests}', '{EndHiddenTests}'");
        return Marker.None;
    }

    /// <summary>The lines of a cell source.</summary>
    public static string[] Lines(string source) => source.Split('\n');

    /// <summary>The first line of a cell source.</summary>
    public static string FirstLine(string source)
    {
        var nl = source.IndexOf('\n');
        return (nl < 0 ? source : source[..nl]).TrimEnd('\r');
    }
}
