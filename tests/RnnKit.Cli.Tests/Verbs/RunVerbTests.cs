using System.Text.Json.Nodes;
using RnnKit.TestSupport;
using Command = RnnKit.TestSupport.Cli;
using Xunit;
using Fixtures = RnnKit.Notebooks.Tests.Execution.Fixtures;

namespace RnnKit.Cli.Tests.Verbs;

/// <summary>`rnnkit run`: exit codes, executed copies, the report JSON of DESIGN.md, and bad input.</summary>
public class RunVerbTests
{
    [Fact]
    public void All_ok_exits_0_and_writes_executed_copies_and_the_report()
    {
        var folder = Repo.TempFolder();
        var inputs = Path.Combine(folder, "in");
        Directory.CreateDirectory(inputs);
        Fixtures.CopyTo(inputs, "declarations", "default-usings");
        var report = Path.Combine(folder, "report.json");

        var result = Command.Run("run", inputs, "--out", Path.Combine(folder, "out"), "--report", report);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("cell 2/4 ok", result.Stderr);
        Assert.True(File.Exists(Path.Combine(folder, "out", "declarations.ipynb")));
        var notebooks = JsonNode.Parse(File.ReadAllText(report))!["notebooks"]!.AsArray();
        Assert.Equal(["declarations.ipynb", "default-usings.ipynb"], notebooks.Select(n => Path.GetFileName(n!["path"]!.GetValue<string>())));
        var first = notebooks[0]!;
        Assert.Equal("ok", first["status"]!.GetValue<string>());
        Assert.True(first["seconds"]!.GetValue<double>() > 0);
        Assert.Equal([2, 3, 4], first["cells"]!.AsArray().Select(c => c!["index"]!.GetValue<int>()));
        Assert.All(first["cells"]!.AsArray(), c =>
        {
            Assert.Equal("ok", c!["status"]!.GetValue<string>());
            Assert.True(c["seconds"]!.GetValue<double>() >= 0);
            Assert.Null(c["error"]);
        });
    }

    [Fact]
    public void A_failing_cell_exits_2_naming_notebook_and_cell_and_stops_that_notebook()
    {
        var folder = Repo.TempFolder();
        var inputs = Fixtures.CopyTo(folder, "compile-error");
        var report = Path.Combine(folder, "report.json");

        var result = Command.Run("run", inputs[0], "--out", Path.Combine(folder, "out"), "--report", report);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("compile-error.ipynb: FAILED at cell 3 (error): (cell 3, line 2, col 19): error CS0103", result.Stderr);
        var cells = JsonNode.Parse(File.ReadAllText(report))!["notebooks"]![0]!["cells"]!.AsArray();
        Assert.Equal(2, cells.Count);
        Assert.Equal("error", cells[1]!["status"]!.GetValue<string>());
        Assert.Contains("CS0103", cells[1]!["error"]!.GetValue<string>());
    }

    [Fact]
    public void Continue_on_error_runs_the_cells_after_a_failure()
    {
        var folder = Repo.TempFolder();
        var inputs = Fixtures.CopyTo(folder, "compile-error");
        var report = Path.Combine(folder, "report.json");

        var result = Command.Run("run", inputs[0], "--out", Path.Combine(folder, "out"), "--report", report, "--continue-on-error");

        Assert.Equal(2, result.ExitCode);
        var cells = JsonNode.Parse(File.ReadAllText(report))!["notebooks"]![0]!["cells"]!.AsArray();
        Assert.Equal(["ok", "error", "ok"], cells.Select(c => c!["status"]!.GetValue<string>()));
    }

    [Fact]
    public void A_cell_over_the_timeout_exits_2_with_status_timeout()
    {
        var folder = Repo.TempFolder();
        var inputs = Fixtures.CopyTo(folder, "timeout-loop");
        var report = Path.Combine(folder, "report.json");

        var result = Command.Run("run", inputs[0], "--out", Path.Combine(folder, "out"), "--report", report, "--timeout", "0.5");

        Assert.Equal(2, result.ExitCode);
        var cell = JsonNode.Parse(File.ReadAllText(report))!["notebooks"]![0]!["cells"]![0]!;
        Assert.Equal("timeout", cell["status"]!.GetValue<string>());
        Assert.Equal("failed", JsonNode.Parse(File.ReadAllText(report))!["notebooks"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void An_unparsable_notebook_exits_1_naming_the_file_and_the_others_still_run()
    {
        var folder = Repo.TempFolder();
        var inputs = Fixtures.CopyTo(folder, "bad-json", "top-level-await");
        var report = Path.Combine(folder, "report.json");

        var result = Command.Run("run", inputs[0], inputs[1], "--out", Path.Combine(folder, "out"), "--report", report);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad-json.ipynb: not valid JSON (line 1", result.Stderr);
        Assert.True(File.Exists(Path.Combine(folder, "out", "top-level-await.ipynb")));
        var notebooks = JsonNode.Parse(File.ReadAllText(report))!["notebooks"]!.AsArray();
        Assert.Equal("failed", notebooks[0]!["status"]!.GetValue<string>());
        Assert.Contains("not valid JSON", notebooks[0]!["error"]!.GetValue<string>());
        Assert.Equal("ok", notebooks[1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void A_non_empty_out_folder_needs_force_and_is_left_alone()
    {
        var folder = Repo.TempFolder();
        var inputs = Fixtures.CopyTo(folder, "default-usings");
        var output = Path.Combine(folder, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");

        var refused = Command.Run("run", inputs[0], "--out", output);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not empty; pass --force", refused.Stderr);
        Assert.Equal(["keep.txt"], Directory.GetFiles(output).Select(Path.GetFileName));
        Assert.Equal(0, Command.Run("run", inputs[0], "--out", output, "--force").ExitCode);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "keep.txt")));
    }

    [Theory]
    [InlineData(64, "give at least one notebook")]
    [InlineData(64, "--timeout must be a number", "x.ipynb", "--timeout", "soon")]
    [InlineData(1, "nowhere.ipynb: no such file or folder", "nowhere.ipynb")]
    public void Bad_command_lines_say_what_is_wrong(int exitCode, string message, params string[] args)
    {
        var folder = Repo.TempFolder();
        File.WriteAllText(Path.Combine(folder, "x.ipynb"), "{}");
        var result = Command.Run(["run", .. args.Select(a => a.EndsWith(".ipynb") ? Path.Combine(folder, a) : a)]);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void Executed_notebooks_validate_with_jupyters_nbformat()
    {
        Interop.RequirePythonModules("nbformat");
        var folder = Repo.TempFolder();
        string[] names = ["display-update", "plotly-chart", "result-html", "console-streams", "exception", "other-language", "timeout-delay"];
        var inputs = Fixtures.CopyTo(folder, names);
        var output = Path.Combine(folder, "out");

        Command.Run(["run", .. inputs, "--out", output, "--timeout", "30", "--continue-on-error"]);

        var executed = names.Select(n => Path.Combine(output, n + ".ipynb")).ToArray();
        var check = Interop.ValidateNotebooks(executed);
        Assert.True(check.ExitCode == 0, check.Stderr);
        Assert.Equal(names.Length, check.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
