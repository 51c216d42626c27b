using System.Text.Json.Nodes;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;
using CliRunner = RnnKit.TestSupport.Cli;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>
/// The kernel as Jupyter's own client sees it: Debian's python3-jupyter-client starts `rnnkit-csharp` from a
/// kernelspec installed into a temporary JUPYTER_DATA_DIR, and nbconvert executes a lesson through it.
/// </summary>
[Collection(JupyterEnvironment.Name)]
public class KernelInteropTests
{
    private static readonly string KernelFolder = Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Kernel");

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    private static Dictionary<string, string> Installed(JupyterEnvironment env)
    {
        var install = CliRunner.Run("kernel", "install", "--user");
        Assert.True(install.ExitCode == 0, install.Stderr);
        return new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = env.DataDir, ["JUPYTER_PATH"] = env.PathDir };
    }

    [Fact]
    public void Jupyter_client_executes_interrupts_completes_and_restarts_the_kernel()
    {
        Interop.RequirePythonModules("jupyter_client");
        using var env = new JupyterEnvironment();
        var run = Interop.Run("/usr/bin/python3", [Path.Combine(KernelFolder, "drive_kernel.py"), "rnnkit-csharp"], ScriptTimeout,
            environment: Installed(env));
        Assert.True(run.ExitCode == 0, $"drive_kernel.py failed:\n{run.Stderr}\n{run.Stdout}");
        var report = JsonNode.Parse(run.Stdout.Trim().Split('\n')[^1])!.AsObject();
        string S(params string[] path) => path.Aggregate((JsonNode)report, (n, p) => n[p]!).GetValue<string>();
        List<string?> L(params string[] path) => path.Aggregate((JsonNode)report, (n, p) => n[p]!).AsArray().Select(v => v?.GetValue<string>()).ToList();

        Assert.Equal("42", Assert.Single(L("first", "results")));
        Assert.Equal(("rnnkit", "C#", "5.3"), (S("kernel_info", "implementation"), S("kernel_info", "language"), S("kernel_info", "protocol_version")));

        Assert.Equal("ok", S("ok", "status"));
        Assert.Equal("hello from C#\n", S("ok", "stdout"));
        Assert.Equal("careful\n", S("ok", "stderr"));
        Assert.Equal(["42"], L("ok", "results"));
        Assert.Equal(2, report["ok"]!["execution_count"]!.GetValue<int>());
        Assert.Equal(["status", "execute_input"], L("ok", "types").Take(2));
        Assert.Equal("status", L("ok", "types")[^1]);

        Assert.Equal(2, L("display", "displays").Count);
        Assert.Contains("100%", L("display", "displays")[1]);
        Assert.Contains("update_display_data", L("display", "types"));

        Assert.Equal("error", S("exception", "status"));
        Assert.Contains("boom", S("exception", "evalue"));
        Assert.Equal("error", S("compile_error", "status"));
        Assert.Contains("CS0103", Assert.Single(L("compile_error", "errors")));

        foreach (var stuck in new[] { "interrupt_delay", "interrupt_loop", "interrupt_sleep" })
        {
            Assert.Equal("error", S(stuck, "status"));
            Assert.True(report[stuck]!["seconds"]!.GetValue<double>() < 10, $"{stuck} took {report[stuck]!["seconds"]} s to stop");
        }
        // Thread.Sleep(5000); x = 1; interrupted: x is still 42 after the 5 s are over.
        Assert.Equal(["43"], L("after_interrupt", "results"));

        Assert.Equal("ok", S("stdin", "status"));
        Assert.True(report["stdin"]!["input_request_parent"]!.GetValue<bool>());
        Assert.Equal("name: ", S("stdin", "stdout"));
        Assert.Equal(["hello Ada"], L("stdin", "results"));
        Assert.Equal("error", S("stdin_refused", "status"));
        Assert.Contains("allow_stdin is false", S("stdin_refused", "evalue"));

        Assert.Equal("epoch 1\nepoch 2\n", S("clear_output", "stdout"));
        Assert.Equal([true], report["clear_output"]!["clear_waits"]!.AsArray().Select(v => v!.GetValue<bool>()));

        Assert.Equal(("ok", "dropped"), (S("replay", "first"), S("replay", "second")));
        Assert.Equal(["1"], L("replay", "runs"));

        Assert.Contains("WriteLine", L("complete_member", "matches"));
        Assert.Equal(8, report["complete_member"]!["cursor_start"]!.GetValue<int>());
        Assert.Equal(11, report["complete_member"]!["cursor_end"]!.GetValue<int>());
        Assert.Equal(["learningRate"], L("complete_local", "matches"));
        Assert.True(report["inspect"]!["found"]!.GetValue<bool>());
        Assert.Contains("WriteLine", S("inspect", "text"));
        Assert.Equal("incomplete", S("is_complete_open_brace"));
        Assert.Equal("complete", S("is_complete_statement"));

        Assert.Equal("error", S("after_restart", "status"));
        Assert.Contains("CS0103", S("after_restart", "evalue"));
        Assert.False(report["alive_after_shutdown"]!.GetValue<bool>());
    }

    [Fact]
    public void Jupyters_conformance_suite_passes_every_feature_the_kernel_claims()
    {
        Interop.RequirePythonModules("jupyter_client", "jupyter_kernel_test");
        using var env = new JupyterEnvironment();
        var run = Interop.Run("/usr/bin/python3", [Path.Combine(KernelFolder, "conformance_kernel.py"), "rnnkit-csharp"], ScriptTimeout,
            environment: Installed(env));
        Assert.True(run.ExitCode == 0, $"conformance_kernel.py failed:\n{run.Stderr}\n{run.Stdout}");
        var report = JsonNode.Parse(run.Stdout.Trim().Split('\n')[^1])!.AsObject();
        string[] Names(string key) => report[key]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

        Assert.Empty(Names("failures"));
        Assert.Empty(Names("errors"));
        Assert.Empty(Names("skipped"));
        Assert.Equal(
            ["test_clear_output", "test_completion", "test_display_data", "test_error", "test_execute_result", "test_execute_stderr",
             "test_execute_stdout", "test_history", "test_inspect", "test_is_complete", "test_kernel_info"],
            Names("tests").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_hundred_thousand_printed_lines_arrive_complete_through_jupyter_client_and_nbconvert()
    {
        Interop.RequirePythonModules("jupyter_client", "nbformat", "ipykernel");
        Interop.RequireProgram("jupyter-nbconvert", "jupyter-nbconvert");
        using var env = new JupyterEnvironment();
        const int lines = 100_000;
        var run = Interop.Run("/usr/bin/python3", [Path.Combine(KernelFolder, "flood_kernel.py"), $"{lines}"], ScriptTimeout * 3,
            environment: Installed(env));
        Assert.True(run.ExitCode == 0, $"flood_kernel.py failed:\n{run.Stderr}\n{run.Stdout}");
        var report = JsonNode.Parse(run.Stdout.Trim().Split('\n')[^1])!.AsObject();
        var ours = report["rnnkit-csharp"]!;
        var ipykernel = report["python3"]!;
        TestContext.Current.SendDiagnosticMessage($"flood of {lines} lines: {report.ToJsonString()}");

        Assert.True(ours["complete"]!.GetValue<bool>(), $"lines lost or reordered: {ours}");
        Assert.True(ours["idle"]!.GetValue<bool>(), "no idle status");
        Assert.Equal("ok", ours["status"]!.GetValue<string>());
        Assert.True(ours["nbconvert_complete"]!.GetValue<bool>(), $"nbconvert lost lines: {ours}");
        Assert.Equal(0, ours["nbconvert_exit"]!.GetValue<int>());
        // The peer, in the same run: ipykernel delivers the same lines; ours may take at most 3 times as long.
        Assert.True(ipykernel["complete"]!.GetValue<bool>(), $"ipykernel lost lines: {ipykernel}");
        var ratio = ours["seconds"]!.GetValue<double>() / ipykernel["seconds"]!.GetValue<double>();
        Assert.True(ratio <= 3, $"rnnkit-csharp took {ratio:0.0}× ipykernel's time: {report}");
    }

    [Theory]
    [InlineData("rnnkit-csharp")]
    [InlineData(null)] // the lesson's own kernelspec, .net-csharp: the alias runs it
    public void Nbconvert_executes_a_lesson_through_the_kernel(string? kernelName)
    {
        var nbconvert = Interop.RequireProgram("jupyter-nbconvert", "jupyter-nbconvert");
        using var env = new JupyterEnvironment();
        var outDir = Repo.TempFolder("rnnkit-nbconvert");
        List<string> args = ["--to", "notebook", "--execute", "--output-dir", outDir, "--ExecutePreprocessor.timeout=120"];
        if (kernelName is not null) args.Add($"--ExecutePreprocessor.kernel_name={kernelName}");
        args.Add(Path.Combine(KernelFolder, "Fixtures", "kernel-lesson.ipynb"));
        var run = Interop.Run(nbconvert, args, ScriptTimeout, environment: Installed(env));
        Assert.True(run.ExitCode == 0, $"nbconvert failed:\n{run.Stderr}");

        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "kernel-lesson.ipynb")))!;
        var cells = executed["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
        string Text(JsonNode? node) => node is JsonArray a ? string.Concat(a.Select(l => l!.GetValue<string>())) : node!.GetValue<string>();
        JsonArray Outputs(int i) => cells[i]!["outputs"]!.AsArray();

        Assert.Equal([1, 2, 3, 4], cells.Select(c => c!["execution_count"]!.GetValue<int>()));
        Assert.Equal("setup done\n", Text(Outputs(0).Single()!["text"]));
        Assert.Equal("6", Text(Outputs(1).Single(o => o!["output_type"]!.GetValue<string>() == "execute_result")!["data"]!["text/plain"]));
        // nbclient applies update_display_data in place: one display showing the last epoch.
        Assert.Contains("epoch 3", Text(Outputs(2).Single()!["data"]!["text/plain"]));
        Assert.Contains(Outputs(3), o => o!["output_type"]!.GetValue<string>() == "stream" && Text(o["text"]).StartsWith("Wall time:"));
    }

    [Fact]
    public async Task ClearOutput_leaves_the_same_outputs_in_rnnkit_run_as_in_a_jupyter_client()
    {
        var nbconvert = Interop.RequireProgram("jupyter-nbconvert", "jupyter-nbconvert");
        using var env = new JupyterEnvironment();
        var outDir = Repo.TempFolder("rnnkit-nbconvert-clear");
        var fixture = Path.Combine(KernelFolder, "Fixtures", "clear-output.ipynb");
        var run = Interop.Run(nbconvert, ["--to", "notebook", "--execute", "--output-dir", outDir, "--ExecutePreprocessor.timeout=120", fixture],
            ScriptTimeout, environment: Installed(env));
        Assert.True(run.ExitCode == 0, $"nbconvert failed:\n{run.Stderr}");
        var byJupyter = Outputs(Notebook.Load(Path.Combine(outDir, "clear-output.ipynb")));

        var byRunner = Outputs((await NotebookRunner.RunAsync(Notebook.Load(fixture), cancellationToken: TestContext.Current.CancellationToken)).Executed);

        Assert.Equal(["stdout:epoch 3\n", "stdout:after\n|display_data:shown", "stdout:stays\n"], byJupyter);
        Assert.Equal(byJupyter, byRunner);

        static List<string> Outputs(Notebook notebook) => notebook.Cells.Where(c => c.Type == CellType.Code)
            .Select(c => string.Join("|", c.Outputs.Select(o => o switch
            {
                StreamOutput s => $"{s.Name}:{s.Text}",
                DisplayOutput d => $"{d.OutputType}:{d.Data["text/plain"]}",
                _ => o.OutputType,
            }))).ToList();
    }

    [Fact]
    public void Nbconvert_runs_every_lesson_through_the_kernel_the_lessons_declare()
    {
        var nbconvert = Interop.RequireProgram("jupyter-nbconvert", "jupyter-nbconvert");
        using var env = new JupyterEnvironment();
        var outDir = Repo.TempFolder("rnnkit-nbconvert-lessons");
        // The English lessons: a twin's code is the same (TwinDriftTests), so it would add minutes and no new path.
        var lessons = Directory.EnumerateFiles(Repo.PathOf("notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Where(path => !Editions.IsTwin(path)).ToArray();
        Assert.NotEmpty(lessons);
        // No kernel_name: each lesson's own kernelspec (.net-csharp) must resolve to the kit's kernel through the alias.
        var environment = Installed(env);
        var run = Lessons.LessonRuns.OneAtATime(() => Interop.Run(nbconvert,
            ["--to", "notebook", "--execute", "--output-dir", outDir, "--ExecutePreprocessor.timeout=300", .. lessons],
            TimeSpan.FromMinutes(40), environment: environment));
        Assert.True(run.ExitCode == 0, $"nbconvert failed:\n{run.Stderr}");

        foreach (var lesson in lessons)
        {
            var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, Path.GetFileName(lesson))))!;
            var cells = executed["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
            Assert.All(cells, c => Assert.NotNull(c!["execution_count"]?.GetValue<int?>()));
            Assert.DoesNotContain(cells.SelectMany(c => c!["outputs"]!.AsArray()), o => o!["output_type"]!.GetValue<string>() == "error");
        }
    }
}
