using System.Text.Json.Nodes;
using RnnKit.TestSupport;
using Xunit;
using Rnnkit = RnnKit.TestSupport.Cli;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>Runs `rnnkit grade` in-process and reads the gradebook back.</summary>
internal static class Gradebooks
{
    /// <summary>Per-cell limit in tests: short, so the endless loop costs seconds, not a minute.</summary>
    public const string CellTimeoutSeconds = "8";

    public sealed record Result(Rnnkit.Result Run, JsonArray Submissions, string OutFolder)
    {
        public JsonNode Submission(string fileEnd) =>
            Submissions.Single(s => s!["file"]!.GetValue<string>().Replace('\\', '/').EndsWith(fileEnd, StringComparison.Ordinal))!;

        public JsonNode Exercise(string fileEnd, string id) =>
            Submission(fileEnd)["exercises"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == id)!;
    }

    /// <param name="cellTimeoutSeconds">The per-cell limit; real lessons train for longer than the fixtures' 8 s.</param>
    public static Result Grade(string submissions, string source, string cellTimeoutSeconds = CellTimeoutSeconds)
    {
        Interop.RequireSandbox();
        var outFolder = Path.Combine(Repo.TempFolder(), "grades");
        var run = Rnnkit.Run("grade", submissions, "--source", source, "--out", outFolder, "--timeout", cellTimeoutSeconds);
        var json = Path.Combine(outFolder, "gradebook.json");
        Assert.True(File.Exists(json), $"no gradebook; exit {run.ExitCode}: {run.Stderr}");
        return new Result(run, JsonNode.Parse(File.ReadAllText(json))!["submissions"]!.AsArray(), outFolder);
    }
}
