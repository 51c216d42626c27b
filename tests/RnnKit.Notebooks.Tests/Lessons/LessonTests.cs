using System.Text.RegularExpressions;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// Every lesson in notebooks/ (the teacher's version) follows the course conventions and runs clean, with its time
/// recorded. Grading of the teacher and student versions is in Exercises/ExerciseLessonsTests.
/// </summary>
public partial class LessonTests(ITestOutputHelper output)
{
    /// <summary>
    /// The budget of the lesson issues on a quiet 2-core machine — 60 s per lesson, 90 s for 08, 09 and 10 — doubled as
    /// head-room for a CI machine that also runs the other tests.
    /// </summary>
    internal static TimeSpan LessonBudget(string lesson) =>
        TimeSpan.FromSeconds(2 * (LongLessons.Any(prefix => lesson.StartsWith(prefix, StringComparison.Ordinal)) ? 90 : 60));

    /// <summary>The lessons whose issue allows 90 s instead of 60.</summary>
    private static readonly string[] LongLessons = ["08-", "09-", "10-", "11-", "12-"];

    /// <summary>The English lessons (file names): the course's lessons, whose code every test runs and grades once, and
    /// whose exercises the syllabus and README count.</summary>
    public static TheoryData<string> Lessons() => new(LessonFiles().Select(path => Path.GetFileName(path)));

    /// <summary>Every edition of every lesson — the English lessons and their twins (<c>NN-words.zh.ipynb</c>). Tests
    /// that read the shared course build or a lesson's text cover every edition: a twin's prose, title, glossary use,
    /// claims and run are its own. Tests that run or grade a lesson's code again take <see cref="Lessons"/> only: a
    /// twin's code is the English code (<see cref="TwinDriftTests"/>), so running it twice more would only cost CI time.</summary>
    public static TheoryData<string> LessonsAndTwins() => new(EditionFiles().Select(path => Path.GetFileName(path)));

    /// <summary>The English lessons in notebooks/ (those <see cref="Selected"/> picks, when set).</summary>
    internal static IEnumerable<string> LessonFiles() => EditionFiles().Where(path => !Editions.IsTwin(path));

    /// <summary>The twins in notebooks/ (those <see cref="Selected"/> picks, when set).</summary>
    internal static IEnumerable<string> TwinFiles() => EditionFiles().Where(Editions.IsTwin);

    /// <summary>Every notebook in notebooks/, English lessons and twins, in name order (a twin after its lesson).</summary>
    internal static IEnumerable<string> EditionFiles() =>
        Directory.EnumerateFiles(Repo.PathOf("notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Where(path => Selected is null || Selected.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)));

    /// <summary>
    /// While a lesson is being written, <c>RNNKIT_TEST_LESSONS=01,09</c> limits the lesson tests to the lessons whose
    /// names start with those prefixes (their twins included: <c>04</c> picks 04-the-binary-adder.ipynb and
    /// 04-the-binary-adder.zh.ipynb), and the shared course run (<see cref="CourseBuild"/>) to running just them
    /// (no site), so one lesson's claims, numbers and short-training checks take one lesson's time. Unset in CI.
    /// </summary>
    internal static readonly string[]? Selected =
        Environment.GetEnvironmentVariable("RNNKIT_TEST_LESSONS") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;

    [Fact]
    public void There_are_lessons_and_a_syllabus_that_links_each()
    {
        var lessons = LessonFiles().Select(Path.GetFileName).ToArray();
        Assert.NotEmpty(lessons);
        Assert.All(lessons, name => Assert.Matches(LessonName(), name!));
        var syllabus = File.ReadAllText(Repo.PathOf("notebooks", "README.md"));
        Assert.All(lessons, name => Assert.Contains(name!, syllabus));
        // The Chinese syllabus (README.zh.md), once there, links every twin.
        var twins = TwinFiles().Select(Path.GetFileName).ToArray();
        Assert.All(twins, name => Assert.Matches(TwinName(), name!));
        if (File.Exists(Repo.PathOf("notebooks", "README.zh.md")))
        {
            var chinese = File.ReadAllText(Repo.PathOf("notebooks", "README.zh.md"));
            Assert.All(twins, name => Assert.Contains(name!, chinese));
        }
    }

    [Theory]
    [MemberData(nameof(LessonsAndTwins))]
    public void Lesson_follows_the_conventions(string lesson)
    {
        var path = Repo.PathOf("notebooks", lesson);
        var nb = Notebook.Load(path);
        var language = Editions.LanguageOf(path, nb);
        Assert.Equal(Polyglot.KernelSpecName, nb.Metadata["kernelspec"]?["name"]?.GetValue<string>());
        Assert.StartsWith($"{lesson[..2]} · ", nb.Title);
        if (language == Editions.Chinese)
        {
            // A twin's title is Chinese (# NN · 中文标题); its prose is checked against its English lesson by the drift test.
            Assert.Matches(HanCharacter(), nb.Title);
            Assert.Equal(SetupCell.Source, nb.CodeCells.First().Source);
            Assert.All(nb.Cells, c => Assert.Empty(c.Outputs));
            return;
        }
        Assert.Equal(SetupCell.Source, nb.CodeCells.First().Source);
        Assert.All(nb.Cells, c => Assert.Empty(c.Outputs));
        Assert.True(ExerciseParser.Parse(nb).Count >= 2, $"{lesson} needs at least two exercises");
        var markdown = string.Join("\n", nb.Cells.Where(c => c.Type == CellType.Markdown).Select(c => c.Source));
        Assert.Matches(ChineseTerm(), markdown);
        Assert.Contains("$", markdown);
    }

    /// <summary>Reads the shared course build (<see cref="CourseBuild"/>): the lesson's report and its executed copy.</summary>
    [Theory]
    [MemberData(nameof(LessonsAndTwins))]
    public void Lesson_runs_clean_within_its_budget_and_draws_charts(string lesson)
    {
        var build = CourseBuild.Value;
        var report = build.ReportOf(lesson);
        var seconds = report["seconds"]!.GetValue<double>();
        output.WriteLine($"{lesson}: {report["status"]} in {seconds:F1} s (whole course build {build.Seconds:F0} s)");
        foreach (var cell in report["cells"]!.AsArray().Where(c => c!["seconds"]!.GetValue<double>() >= 1))
            output.WriteLine($"  cell {cell!["index"]}: {cell["seconds"]!.GetValue<double>():F1} s");
        var failure = report["error"]?.GetValue<string>()
                      ?? report["cells"]!.AsArray().FirstOrDefault(c => c!["status"]!.GetValue<string>() != "ok")?.ToJsonString();
        Assert.True(report["status"]!.GetValue<string>() == "ok", $"{lesson} failed: {failure}");
        Assert.True(seconds < LessonBudget(lesson).TotalSeconds, $"{lesson} took {seconds:F0} s, over its budget of {LessonBudget(lesson).TotalSeconds:F0} s");

        var executed = Notebook.Load(Path.Combine(build.Executed, lesson));
        var charts = executed.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>()
            .Count(o => o.Data.ContainsKey(MimeTypes.PlotlyJson));
        Assert.True(charts >= 2, $"{lesson} draws {charts} charts; a lesson needs at least two");
    }

    [GeneratedRegex(@"^\d\d-[a-z0-9-]+\.ipynb$")]
    private static partial Regex LessonName();

    [GeneratedRegex(@"^\d\d-[a-z0-9-]+\.zh\.ipynb$")]
    private static partial Regex TwinName();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacter();

    /// <summary>A Chinese term in parentheses beside its English one, e.g. "(循环神经网络)".</summary>
    [GeneratedRegex(@"[（(][\u4e00-\u9fff][\u4e00-\u9fff，、\-]*[)）]")]
    private static partial Regex ChineseTerm();
}
