using System.Globalization;
using System.Text.Json.Nodes;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// Claims can fail: the course run with every training length cut to a tenth (<c>--short-training</c>, claims
/// reported instead of failing their cells) must run every cell, and exactly the claims marked as needing training
/// must fail. The default build must make at least <see cref="MinimumClaims"/> claims in every lesson from 01 on.
/// The short run takes the English lessons only: a twin's code, and so which claims need training, is the English
/// lesson's (<see cref="TwinDriftTests"/>).
/// </summary>
public class ShortTrainingTests(ITestOutputHelper output)
{
    public const int MinimumClaims = 3;

    private static readonly Lazy<(TestSupport.Cli.Result Cli, JsonArray Notebooks)> ShortRun = new(() =>
    {
        var work = Repo.TempFolder("rnnkit-short");
        var report = Path.Combine(work, "report.json");
        var cli = LessonRuns.OneAtATime(() => TestSupport.Cli.Run(["run", .. LessonTests.LessonFiles(),
            "--out", Path.Combine(work, "executed"), "--report", report, "--short-training", "--claims", "report",
            "--timeout", CourseBuild.CellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)]));
        var notebooks = File.Exists(report) ? JsonNode.Parse(File.ReadAllText(report))!["notebooks"]!.AsArray() : [];
        return (cli, notebooks);
    });

    private static List<JsonObject> Claims(JsonObject notebook) =>
        notebook["claims"]!.AsArray().Select(c => c!.AsObject()).ToList();

    private static string Describe(JsonObject claim) =>
        $"cell {claim["index"]}: {claim["text"]} — measured {claim["measured"]} ({claim["condition"]})";

    [Theory]
    [MemberData(nameof(LessonTests.Lessons), MemberType = typeof(LessonTests))]
    public void Short_training_fails_exactly_the_claims_that_need_training(string lesson)
    {
        var (cli, notebooks) = ShortRun.Value;
        var report = notebooks.Select(n => n!.AsObject()).SingleOrDefault(n => Path.GetFileName(n["path"]!.GetValue<string>()) == lesson)
                     ?? throw new InvalidOperationException($"the short run has no report for {lesson}:\n{cli.Stderr}");
        var broken = report["cells"]!.AsArray().FirstOrDefault(c => c!["status"]!.GetValue<string>() != "ok");
        Assert.True(broken is null, $"{lesson} does not run with short training: {broken?.ToJsonString()}");

        var claims = Claims(report);
        foreach (var claim in claims) output.WriteLine($"{(claim["held"]!.GetValue<bool>() ? "held  " : "failed")} {Describe(claim)}");
        var trainedButHeld = claims.Where(c => c["trained"]!.GetValue<bool>() && c["held"]!.GetValue<bool>()).Select(Describe).ToList();
        var untrainedButFailed = claims.Where(c => !c["trained"]!.GetValue<bool>() && !c["held"]!.GetValue<bool>()).Select(Describe).ToList();
        Assert.True(trainedButHeld.Count == 0,
            $"{lesson}: claims marked as needing training still hold after a tenth of it (too weak to fail?):\n  " + string.Join("\n  ", trainedButHeld));
        Assert.True(untrainedButFailed.Count == 0,
            $"{lesson}: claims not marked as needing training fail with short training (mark them trained: true?):\n  " + string.Join("\n  ", untrainedButFailed));
    }

    /// <summary>Every edition: a twin's claims are made by its own run (the course build runs both editions).</summary>
    [Theory]
    [MemberData(nameof(LessonTests.LessonsAndTwins), MemberType = typeof(LessonTests))]
    public void Every_lesson_from_01_on_makes_claims_and_they_all_hold(string lesson)
    {
        var report = CourseBuild.Value.ReportOf(lesson);
        var claims = Claims(report);
        foreach (var claim in claims) output.WriteLine(Describe(claim));
        Assert.All(claims, c => Assert.True(c["held"]!.GetValue<bool>(), $"{lesson}: {Describe(c)}"));
        if (lesson.StartsWith("00-", StringComparison.Ordinal)) return;
        if (ProseNumbersTests.NotYetBound.Contains(lesson))
            Assert.Skip($"{lesson}: its prose is not yet bound to claims (ProseNumbersTests.NotYetBound)");
        Assert.True(claims.Count >= MinimumClaims, $"{lesson} makes {claims.Count} claims; a lesson that measures needs at least {MinimumClaims}");
    }
}
