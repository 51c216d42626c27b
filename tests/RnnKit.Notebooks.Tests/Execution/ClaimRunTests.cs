using System.Text.Json.Nodes;
using RnnKit.TestSupport;
using Command = RnnKit.TestSupport.Cli;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>
/// Claims through `rnnkit run`: shown and reported when they hold, failing the cell and the run when training is cut
/// short, all reported with --claims report, and every seed moved by --seed.
/// </summary>
public class ClaimRunTests
{
    private static string Fixture(string folder)
    {
        var copy = Path.Combine(folder, "claims.ipynb");
        File.Copy(Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Fixtures", "claims", "claims.ipynb"), copy);
        return copy;
    }

    private static (Command.Result Result, JsonNode Notebook) Run(params string[] extra)
    {
        var folder = Repo.TempFolder();
        var report = Path.Combine(folder, "report.json");
        var result = Command.Run(["run", Fixture(folder), "--out", Path.Combine(folder, "out"), "--report", report, .. extra]);
        return (result, JsonNode.Parse(File.ReadAllText(report))!["notebooks"]![0]!);
    }

    private static List<(int Index, string Text, bool Held, bool Trained)> Claims(JsonNode notebook) =>
        notebook["claims"]!.AsArray().Select(c => (c!["index"]!.GetValue<int>(), c["text"]!.GetValue<string>(),
            c["held"]!.GetValue<bool>(), c["trained"]!.GetValue<bool>())).ToList();

    [Fact]
    public void Claims_that_hold_are_listed_in_the_report_with_their_cells_and_measurements()
    {
        var (result, notebook) = Run();

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal([(3, "the data's mean is near one half", true, false), (5, "gradient descent reaches the minimum", true, true)], Claims(notebook));
        var measured = notebook["claims"]![0]!["measured"]!.GetValue<string>();
        Assert.Matches(@"^0\.\d{3}$", measured);
        Assert.Equal("between 0.450 and 0.550", notebook["claims"]![0]!["condition"]!.GetValue<string>());
    }

    [Fact]
    public void Short_training_makes_the_trained_claim_fail_the_cell_and_the_run()
    {
        var (result, notebook) = Run("--short-training");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FAILED at cell 5", result.Stderr);
        Assert.Contains("The claim \"gradient descent reaches the minimum\" does not hold: measured", result.Stderr);
        Assert.Contains("cell 5: ✗ gradient descent reaches the minimum", result.Stderr);
        Assert.Equal(3, notebook["cells"]!.AsArray().Count);
        Assert.Equal([true, false], Claims(notebook).Select(c => c.Held));
    }

    [Fact]
    public void A_course_build_whose_training_is_cut_fails_naming_the_claim_and_shows_it_failed_on_the_page()
    {
        var folder = Repo.TempFolder();
        var course = Directory.CreateDirectory(Path.Combine(folder, "course")).FullName;
        File.Copy(Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Fixtures", "claims", "claims.ipynb"), Path.Combine(course, "01-claims.ipynb"));
        var site = Path.Combine(folder, "site");

        var ok = Command.Run("build", "--notebooks", course, "--out", site, "--executed", Path.Combine(folder, "executed"));
        var cut = Command.Run("build", "--notebooks", course, "--out", Path.Combine(folder, "site-short"),
            "--executed", Path.Combine(folder, "executed-short"), "--short-training");

        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("class=\"output claim held\"", File.ReadAllText(Path.Combine(site, "01-claims.html")));
        Assert.Equal(2, cut.ExitCode);
        Assert.Contains("The claim \"gradient descent reaches the minimum\" does not hold", cut.Stderr);
        Assert.Contains("class=\"output claim failed\"", File.ReadAllText(Path.Combine(folder, "site-short", "01-claims.html")));
    }

    [Fact]
    public void Report_mode_runs_every_cell_and_reports_which_claims_failed()
    {
        var (result, notebook) = Run("--short-training", "--claims", "report");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(4, notebook["cells"]!.AsArray().Count);
        var claims = Claims(notebook);
        Assert.All(claims, c => Assert.Equal(!c.Trained, c.Held));
    }

    [Fact]
    public void A_run_seed_moves_every_seed_and_zero_keeps_them()
    {
        var folder = Repo.TempFolder();
        string Printed(params string[] extra)
        {
            var outFolder = Path.Combine(folder, "out" + string.Join("", extra));
            var result = Command.Run(["run", Fixture(Repo.TempFolder()), "--out", outFolder, .. extra]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            return File.ReadAllText(Path.Combine(outFolder, "claims.ipynb"));
        }

        Assert.Contains("seed 3", Printed());
        Assert.Contains("seed 3", Printed("--seed", "0"));
        Assert.Contains($"seed {3 + Kit.SeedStride}", Printed("--seed", "1"));
    }

    [Theory]
    [InlineData("--seed", "-1", "--seed must be between 0 and 100000, got -1")]
    [InlineData("--seed", "x", "--seed must be an integer, got 'x'")]
    [InlineData("--claims", "maybe", "--claims must be 'check' or 'report', got 'maybe'")]
    public void Bad_kit_options_are_usage_errors_naming_the_option(string option, string value, string message)
    {
        var folder = Repo.TempFolder();
        var result = Command.Run("run", Fixture(folder), "--out", Path.Combine(folder, "out"), option, value);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }
}
