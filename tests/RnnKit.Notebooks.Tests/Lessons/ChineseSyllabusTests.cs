using System.Text.RegularExpressions;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// notebooks/README.zh.md, the Chinese edition's syllabus (index.zh.html), cannot drift from the English one: its
/// exercise table has the English table's rows — the same lessons, exercise ids, difficulty marks and points, in the
/// same order, only the titles translated (the English table is checked against the notebooks' markup by
/// <see cref="ExercisePointsTests"/>) — its totals sentence states the table's totals, it links every lesson's
/// twin, and it uses no rejected glossary variant.
/// </summary>
public partial class ChineseSyllabusTests
{
    private static string English => File.ReadAllText(Repo.PathOf("notebooks", "README.md")).ReplaceLineEndings("\n");

    private static string Chinese => File.ReadAllText(Repo.PathOf("notebooks", "README.zh.md")).ReplaceLineEndings("\n");

    /// <summary>One row of an exercise table: the lesson, each exercise's id and mark, the points.</summary>
    private sealed record Row(string Lesson, IReadOnlyList<(string Id, string Mark)> Exercises, int Points)
    {
        public override string ToString() =>
            $"{Lesson}: {string.Join(", ", Exercises.Select(e => $"{e.Id} {e.Mark}"))} = {Points}";
    }

    /// <summary>The rows of the table that follows a level-2 heading (<paramref name="heading"/>).</summary>
    private static List<Row> ExerciseTable(string markdown, string heading, string source)
    {
        var section = markdown.Split('\n').SkipWhile(l => l.Trim() != heading).ToList();
        Assert.True(section.Count > 0, $"{source}: no '{heading}' section");
        var rows = section.SkipWhile(l => !l.StartsWith('|')).Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.True(rows.Count > 0, $"{source}: the '{heading}' section has no table");
        return [.. rows.Select(line =>
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 3, $"{source}: '{line}' needs 3 cells (# | exercises | points)");
            var exercises = cells[1].Split(" · ").Select(item =>
            {
                var m = Item().Match(item);
                Assert.True(m.Success, $"{source}: '{item}' is not 'N.M title ★…'");
                return (m.Groups["id"].Value, m.Groups["mark"].Value);
            }).ToList();
            return new Row(cells[0], exercises, int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture));
        })];
    }

    [GeneratedRegex(@"^(?<id>\d+\.\d+) \S.*? (?<mark>★{1,3})$")]
    private static partial Regex Item();

    [Fact]
    public void The_exercise_table_has_the_English_tables_rows_ids_marks_and_points()
    {
        var english = ExerciseTable(English, "## Exercises", "notebooks/README.md");
        var chinese = ExerciseTable(Chinese, "## 练习", "notebooks/README.zh.md");
        var expected = english.Select(r => r.ToString()).ToList();
        var actual = chinese.Select(r => r.ToString()).ToList();
        Assert.True(expected.SequenceEqual(actual),
            "notebooks/README.zh.md's exercise table (## 练习) must have the rows of notebooks/README.md's (## Exercises), titles translated; " +
            $"rows that differ:\n{string.Join("\n", expected.Zip(actual).Where(p => p.First != p.Second).Select(p => $"  English {p.First}\n  Chinese {p.Second}"))}" +
            (expected.Count != actual.Count ? $"\n  {expected.Count} English rows, {actual.Count} Chinese rows" : ""));
    }

    [Fact]
    public void The_totals_sentence_states_the_tables_totals()
    {
        var rows = ExerciseTable(Chinese, "## 练习", "notebooks/README.zh.md");
        var all = rows.SelectMany(r => r.Exercises).ToList();
        var sentence = $"共有 {all.Count} 道计分练习，总分 {rows.Sum(r => r.Points)} 分，其中 {all.Count(e => e.Mark == "★★★")} 道是反向传播";
        Assert.True(Chinese.Contains(sentence, StringComparison.Ordinal), $"notebooks/README.zh.md must say: \"{sentence}\"");
    }

    [Fact]
    public void It_links_every_lessons_twin_and_only_lessons_that_exist()
    {
        var lessons = Directory.EnumerateFiles(Repo.PathOf("notebooks"), "*.ipynb").Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.EndsWith(".zh.ipynb", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lessons);
        var links = Link().Matches(Chinese).Select(m => m.Groups["target"].Value).ToList();
        foreach (var lesson in lessons)
            Assert.Contains(Path.ChangeExtension(lesson, ".zh.ipynb"), links);
        // A twin not yet written is fine (the site links its English page until it lands); a lesson that does not exist is not.
        foreach (var link in links)
            Assert.True(lessons.Contains(link.Replace(".zh.ipynb", ".ipynb", StringComparison.Ordinal)),
                $"notebooks/README.zh.md links {link}, which is no lesson's twin");
    }

    [GeneratedRegex(@"\]\((?<target>[^)#]+\.ipynb)(#[^)]*)?\)")]
    private static partial Regex Link();

    [Fact]
    public void It_uses_no_rejected_glossary_variant()
    {
        var text = Chinese;
        var found = Glossary.Entries.SelectMany(e => e.Rejected.Where(v => text.Contains(v, StringComparison.Ordinal))
            .Select(v => $"{v} (write {e.Chinese[0]} for {e.English})")).ToList();
        Assert.True(found.Count == 0, $"notebooks/README.zh.md: {string.Join("; ", found)}");
    }
}
