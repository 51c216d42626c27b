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

    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var path in LessonFiles())
            data.Add(Path.GetFileName(path));
        return data;
    }

    internal static IEnumerable<string> LessonFiles() =>
        Directory.EnumerateFiles(Repo.PathOf("notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Where(path => Selected is null || Selected.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)));

    /// <summary>
    /// While a lesson is being written, <c>RNNKIT_TEST_LESSONS=01,09</c> limits the lesson tests to the lessons whose
    /// names start with those prefixes, and the shared course run (<see cref="CourseBuild"/>) to running just them
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
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Lesson_follows_the_conventions(string lesson)
    {
        var nb = Notebook.Load(Repo.PathOf("notebooks", lesson));
        Assert.Equal(Polyglot.KernelSpecName, nb.Metadata["kernelspec"]?["name"]?.GetValue<string>());
        Assert.StartsWith($"{lesson[..2]} · ", nb.Title);
        Assert.Equal(SetupCell.Source, nb.CodeCells.First().Source);
        Assert.All(nb.Cells, c => Assert.Empty(c.Outputs));
        Assert.True(ExerciseParser.Parse(nb).Count >= 2, $"{lesson} needs at least two exercises");
        var markdown = string.Join("\n", nb.Cells.Where(c => c.Type == CellType.Markdown).Select(c => c.Source));
        Assert.Matches(ChineseTerm(), markdown);
        Assert.Contains("$", markdown);
    }

    /// <summary>Reads the shared course build (<see cref="CourseBuild"/>): the lesson's report and its executed copy.</summary>
    [Theory]
    [MemberData(nameof(Lessons))]
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

    /// <summary>A Chinese term in parentheses beside its English one, e.g. "(循环神经网络)".</summary>
    [GeneratedRegex(@"[（(][\u4e00-\u9fff][\u4e00-\u9fff，、\-]*[)）]")]
    private static partial Regex ChineseTerm();
}
