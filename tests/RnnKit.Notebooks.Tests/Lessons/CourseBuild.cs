using System.Text.Json.Nodes;
using RnnKit.TestSupport;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// `rnnkit build` of the real course (notebooks/), run once per test process and shared by <see cref="LessonTests"/>
/// (each lesson ran clean, within its budget, drawing charts) and <see cref="CourseSiteTests"/> (the executed copies
/// and the site in Jupyter's tools and Chromium). Running every lesson once instead of twice keeps the suite's time
/// down as lessons are added.
/// </summary>
internal static class CourseBuild
{
    /// <summary>The per-cell limit given to the build: the largest lesson budget (<see cref="LessonTests.LessonBudget"/>).</summary>
    public static readonly TimeSpan CellTimeout = TimeSpan.FromSeconds(180);

    public sealed record Result(TestSupport.Cli.Result Cli, string Site, string Executed, double Seconds)
    {
        /// <summary>The run report's entry for one lesson (the JSON of `rnnkit run --report`).</summary>
        public JsonObject ReportOf(string lesson)
        {
            var report = JsonNode.Parse(File.ReadAllText(Path.Combine(Executed, "report.json")))!["notebooks"]!.AsArray();
            return report.Select(n => n!.AsObject()).SingleOrDefault(n => Path.GetFileName(n["path"]!.GetValue<string>()) == lesson)
                   ?? throw new InvalidOperationException($"the build report has no entry for {lesson}:\n{Cli.Stderr}");
        }
    }

    private static readonly Lazy<Result> Shared = new(() =>
    {
        var work = Repo.TempFolder("rnnkit-course");
        var site = Path.Combine(work, "site");
        var executed = Path.Combine(work, "executed");
        var started = DateTime.UtcNow;
        var timeout = CellTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cli = LessonRuns.OneAtATime(() => LessonTests.Selected is null
            ? TestSupport.Cli.Run("build", "--notebooks", Repo.PathOf("notebooks"), "--out", site, "--executed", executed, "--timeout", timeout)
            : TestSupport.Cli.Run(["run", .. LessonTests.EditionFiles(), "--out", executed, "--report", Path.Combine(executed, "report.json"), "--timeout", timeout]));
        return new Result(cli, site, executed, (DateTime.UtcNow - started).TotalSeconds);
    });

    public static Result Value => Shared.Value;
}
