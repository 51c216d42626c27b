using System.Text.RegularExpressions;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>
/// Each fixture is run with its outputs cleared and must come back byte for byte as stored (execution counts,
/// streams, displays, results, errors); only the wall time of <c>#!time</c> varies.
/// </summary>
public partial class NotebookFixtureTests
{
    /// <summary>A cell limit no fixture that should pass comes near, even on a loaded machine.</summary>
    private const double GenerousSeconds = 120;

    /// <summary>The limit for the fixtures that must time out.</summary>
    private const double ShortSeconds = 0.5;

    public static TheoryData<string, string, double> Cases => new()
    {
        { "default-usings", NotebookReport.Ok, GenerousSeconds },
        { "declarations", NotebookReport.Ok, GenerousSeconds },
        { "top-level-await", NotebookReport.Ok, GenerousSeconds },
        { "display-update", NotebookReport.Ok, GenerousSeconds },
        { "result-html", NotebookReport.Ok, GenerousSeconds },
        { "plotly-chart", NotebookReport.Ok, GenerousSeconds },
        { "console-streams", NotebookReport.Ok, GenerousSeconds },
        { "time-magic", NotebookReport.Ok, GenerousSeconds },
        { "csharp-selector", NotebookReport.Ok, GenerousSeconds },
        { "markdown-selector", NotebookReport.Ok, GenerousSeconds },
        { "nuget-pinned", NotebookReport.Ok, GenerousSeconds },
        { "r-path", NotebookReport.Ok, GenerousSeconds },
        { "setup-cell", NotebookReport.Ok, GenerousSeconds },
        { "nuget-unknown", NotebookReport.Failed, GenerousSeconds },
        { "nuget-wrong-version", NotebookReport.Failed, GenerousSeconds },
        { "unknown-directive", NotebookReport.Failed, GenerousSeconds },
        { "other-language", NotebookReport.Failed, GenerousSeconds },
        { "compile-error", NotebookReport.Failed, GenerousSeconds },
        { "exception", NotebookReport.Failed, GenerousSeconds },
        { "timeout-loop", NotebookReport.Failed, ShortSeconds },
        { "timeout-delay", NotebookReport.Failed, ShortSeconds },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fixture_runs_to_exactly_its_stored_outputs(string name, string status, double timeoutSeconds)
    {
        var path = Fixtures.CopyTo(Repo.TempFolder(), name)[0];
        var stored = Notebook.Load(path);

        var run = await NotebookRunner.RunAsync(stored, new RunOptions { CellTimeout = TimeSpan.FromSeconds(timeoutSeconds) },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(status, run.Report.Status);
        Assert.Equal(WithoutWallTime(stored.ToJson()), WithoutWallTime(run.Executed.ToJson()));
        Assert.NotSame(stored, run.Executed);
    }

    [Fact]
    public void The_setup_cell_fixture_uses_the_setup_cell_verbatim()
    {
        var fixture = Notebook.Load(Fixtures.PathOf("setup-cell"));
        Assert.Equal(SetupCell.Source, fixture.CodeCells.First().Source);
    }

    private static string WithoutWallTime(string json) => WallTime().Replace(json, "Wall time: (elapsed)");

    [GeneratedRegex(@"Wall time: [0-9.]+m?s")]
    private static partial Regex WallTime();
}
