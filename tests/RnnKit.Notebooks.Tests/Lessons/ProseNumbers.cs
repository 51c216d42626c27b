using System.Globalization;
using System.Text.RegularExpressions;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// The numbers test of the claims issue: every number in a lesson's Markdown is accounted for — the value of a named
/// constant or setting in the lesson's code (<c>const int window = 3</c>, <c>trainSteps = Kit.Steps(150)</c>,
/// <c>orders = new[] { 1, 2, 3 }</c>), a fact on <see cref="Allowed"/>, a year, or a number some claim of the run
/// printed (rounded as the prose rounds it). Not counted: math ($…$), code spans, quoted examples, link targets,
/// references to lessons, exercises and sections, and digits inside words (n-gram, float32, k1).
/// </summary>
internal static partial class ProseNumbers
{
    /// <summary>Facts that are neither settings nor measurements, per lesson prefix ("" for all), each with its reason.</summary>
    public static readonly IReadOnlyList<(string Lesson, string Number, string Reason)> Allowed =
    [
        ("", "0", "zero, as in 'from 0 to 1', 'perplexity 1 is perfect'"),
        ("", "1", "one, idem"),
        ("", "300", "the anthology's name: 唐诗三百首, the 300 Tang poems (fortunes-zh's file holds 313)"),
        ("09", "8601", "the standard's name, ISO 8601"),
    ];

    /// <summary>One number the prose states and nothing accounts for.</summary>
    public sealed record Unaccounted(int Cell, string Number, string Context)
    {
        public override string ToString() => $"cell {Cell}: {Number} in \"…{Context}…\"";
    }

    /// <summary>The numbers of <paramref name="lesson"/>'s Markdown that nothing accounts for.</summary>
    /// <param name="lesson">The teacher's notebook (its code gives the settings).</param>
    /// <param name="executed">Its executed copy (its claim outputs give the measurements).</param>
    /// <param name="lessonName">The file name, e.g. "05-lstm.ipynb", for <see cref="Allowed"/>.</param>
    public static List<Unaccounted> Check(Notebook lesson, Notebook executed, string lessonName)
    {
        var settings = Settings(lesson);
        var printed = executed.Cells.SelectMany(NotebookRunner.ClaimsOf)
            .SelectMany(c => NumberInText().Matches(c.Measured + " " + c.Condition).Select(m => m.Value))
            .ToList();
        var allowed = Allowed.Where(a => lessonName.StartsWith(a.Lesson, StringComparison.Ordinal)).Select(a => a.Number).ToHashSet();
        var problems = new List<Unaccounted>();
        for (var i = 0; i < lesson.Cells.Count; i++)
        {
            if (lesson.Cells[i].Type != CellType.Markdown) continue;
            var text = Prose(lesson.Cells[i].Source, isTitleCell: i == 0);
            foreach (Match m in ProseNumber().Matches(text))
            {
                var number = m.Value;
                var value = double.Parse(number.Replace(",", ""), CultureInfo.InvariantCulture);
                if (allowed.Contains(number) || IsYear(number) || settings.Contains(value) || printed.Any(p => SameAsPrinted(number, p)))
                    continue;
                var from = System.Math.Max(0, m.Index - 30);
                problems.Add(new Unaccounted(i + 1, number, text[from..System.Math.Min(text.Length, m.Index + m.Length + 20)].ReplaceLineEndings(" ")));
            }
        }
        return problems;
    }

    /// <summary>The Markdown with what does not count blanked out.</summary>
    private static string Prose(string markdown, bool isTitleCell)
    {
        var text = MathSpan().Replace(markdown, " ");
        text = CodeSpan().Replace(text, " ");
        text = Quoted().Replace(text, " ");
        text = LinkTarget().Replace(text, " ");
        text = Reference().Replace(text, " ");
        text = Enumeration().Replace(text, " ");
        return isTitleCell ? Title().Replace(text, "") : text;
    }

    /// <summary>Values given to names in the code: assignments, named arguments, Kit.Steps/Seed, array initialisers.</summary>
    public static HashSet<double> Settings(Notebook lesson)
    {
        var values = new HashSet<double>();
        foreach (var cell in lesson.Cells.Where(c => c.Type == CellType.Code))
        {
            foreach (Match m in Assignment().Matches(cell.Source)) Add(values, m.Groups["value"].Value);
            foreach (Match m in ArrayAssignment().Matches(cell.Source))
                foreach (Match n in NumberInText().Matches(m.Groups["items"].Value)) Add(values, n.Value);
        }
        return values;
    }

    private static void Add(HashSet<double> values, string literal)
    {
        if (double.TryParse(literal.Replace("_", "").TrimEnd('d', 'f', 'm', 'L', 'D', 'F'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            values.Add(System.Math.Abs(v));
    }

    /// <summary>The prose's number equals the printed one rounded to as many decimals as the prose gives.</summary>
    private static bool SameAsPrinted(string prose, string printed)
    {
        var decimals = prose.Contains('.') ? prose.Length - prose.IndexOf('.') - 1 : 0;
        var p = double.Parse(prose.Replace(",", ""), CultureInfo.InvariantCulture);
        var v = System.Math.Abs(double.Parse(printed, CultureInfo.InvariantCulture));
        return System.Math.Round(v, decimals, MidpointRounding.AwayFromZero) == p;
    }

    private static bool IsYear(string number) =>
        number.Length == 4 && int.TryParse(number, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2039;

    [GeneratedRegex(@"\$\$.*?\$\$|\$[^$\n]+\$", RegexOptions.Singleline)]
    private static partial Regex MathSpan();

    [GeneratedRegex(@"```.*?```|`[^`\n]+`", RegexOptions.Singleline)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"""[^""\n]{1,40}""|“[^”\n]{1,40}”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\]\([^)]*\)|<[^>\n]+>")]
    private static partial Regex LinkTarget();

    /// <summary>References to lessons, exercises, sections and figures, in English and in a Chinese twin ("练习 3.4",
    /// "第 3 课", "第 2、3 节").</summary>
    [GeneratedRegex(@"(?i)\b(lessons?|exercises?|sections?|chapter|figure|§)\s*\d+(\.\d+)?(\s*(,|and|or|–|-|to)\s*\d+(\.\d+)?)*" +
                    @"|(练习|课程|小节|图)\s*\d+(\.\d+)?(\s*[、,，和或至到–\-]\s*\d+(\.\d+)?)*" +
                    @"|第\s*\d+(\s*[、,，和或至到–\-]\s*\d+)*\s*(课|章|节|部分)")]
    private static partial Regex Reference();

    /// <summary>The number of a numbered heading or list item: "## 4. Echo state network", "3. Compare …".</summary>
    [GeneratedRegex(@"^(\s*#+)?\s*\d+\.(?=\s)", RegexOptions.Multiline)]
    private static partial Regex Enumeration();

    [GeneratedRegex(@"^#[^\n]*", RegexOptions.Multiline)]
    private static partial Regex Title();

    /// <summary>A number standing alone: not part of a word (n-gram, float32, k1) — but a Han character beside it is
    /// a boundary, since Chinese prose writes numbers without spaces ("训练300步").</summary>
    [GeneratedRegex(@"(?<![\w.\-−-[\p{IsCJKUnifiedIdeographs}]])(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(?![\w-[\p{IsCJKUnifiedIdeographs}]])")]
    private static partial Regex ProseNumber();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex NumberInText();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\s*(=|:)\s*(Kit\.\w+\()?-?(?<value>\d[\d_]*(\.\d+)?([eE]-?\d+)?)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\s*=\s*(new[^;{]*\{|\[)(?<items>[^;}\]]*)")]
    private static partial Regex ArrayAssignment();
}
