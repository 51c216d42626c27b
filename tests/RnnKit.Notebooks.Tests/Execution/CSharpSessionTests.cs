using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

public class CSharpSessionTests
{
    [Fact]
    public async Task Declarations_default_usings_and_top_level_await_carry_across_cells()
    {
        using var run = new SessionRun();
        var (first, _) = await run.RunAsync("var xs = new List<int> { 1, 2, 3 };\nint Twice(int v) => 2 * v;");
        Assert.Equal(CellStatus.Ok, first.Status);
        var (second, outputs) = await run.RunAsync("await Task.Delay(1);\nvar sb = new StringBuilder();\nsb.Append(xs.Select(Twice).Sum());\nsb.ToString()");
        Assert.Equal(CellStatus.Ok, second.Status);
        Assert.Equal("12", outputs.Result().Data["text/plain"]);
        Assert.Equal(2, second.ExecutionCount);
        Assert.Equal(2, outputs.Result().ExecutionCount);
    }

    [Fact]
    public async Task Console_out_and_error_become_stdout_and_stderr_streams_of_the_cell_even_from_tasks()
    {
        using var run = new SessionRun();
        var (_, outputs) = await run.RunAsync("Console.WriteLine(\"to out\");\nConsole.Error.WriteLine(\"to err\");\nawait Task.Run(() => Console.WriteLine(\"from a task\"));");
        Assert.Equal("to out\nfrom a task\n", outputs.Stdout());
        Assert.Equal("to err\n", outputs.Stderr());
    }

    [Fact]
    public async Task Compile_error_names_cell_line_and_column()
    {
        using var run = new SessionRun();
        await run.RunAsync("var ok = 1;");
        var (result, outputs) = await run.RunAsync("#!time\nvar y = 2;\nfor (var i = 0; i < 2; i++) y += foo;");
        Assert.Equal(CellStatus.Error, result.Status);
        var error = outputs.Error();
        Assert.Equal("(cell 2, line 3, col 34): error CS0103: The name 'foo' does not exist in the current context", error.Value);
    }

    [Fact]
    public async Task Exception_becomes_error_with_type_message_and_trimmed_stack()
    {
        using var run = new SessionRun();
        var (result, outputs) = await run.RunAsync("void Boom() => throw new InvalidOperationException(\"boom\");\nBoom();");
        Assert.Equal(CellStatus.Error, result.Status);
        var error = outputs.Error();
        Assert.Equal("System.InvalidOperationException", error.Name);
        Assert.Equal("boom", error.Value);
        Assert.Equal("System.InvalidOperationException: boom", error.Traceback[0]);
        Assert.Contains(error.Traceback, l => l.Contains("Boom()"));
        Assert.DoesNotContain(error.Traceback, l => l.Contains("Microsoft.CodeAnalysis"));
        var (after, _) = await run.RunAsync("1 + 1");
        Assert.Equal(CellStatus.Ok, after.Status);
    }

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("var n = 0;\nwhile (true) n++;")]
    [InlineData("await Task.Delay(TimeSpan.FromMinutes(10));")]
    public async Task A_stuck_cell_times_out_and_the_next_cell_runs(string stuck)
    {
        using var run = new SessionRun(new SessionOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        await run.RunAsync("var before = 41;");
        var (result, outputs) = await run.RunAsync(stuck);
        Assert.Equal(CellStatus.Timeout, result.Status);
        Assert.Contains("cell 2 did not finish within 0.3 s", outputs.Error().Value);
        var (next, nextOutputs) = await run.RunAsync("before + 1");
        Assert.Equal(CellStatus.Ok, next.Status);
        Assert.Equal("42", nextOutputs.Result().Data["text/plain"]);
    }

    [Fact]
    public async Task Interrupt_stops_a_tight_loop()
    {
        using var run = new SessionRun();
        var cell = Cell.Code("");
        var running = run.Session.ExecuteAsync("long spins = 0;\nwhile (true) { spins++; }", new OutputCollector(cell), "cell 1", TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        run.Session.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(CellStatus.Interrupted, result.Status);
        var (next, outputs) = await run.RunAsync("\"still alive\"");
        Assert.Equal(CellStatus.Ok, next.Status);
        Assert.Equal("still alive", outputs.Result().Data["text/plain"]);
    }

    [Fact]
    public async Task Interrupt_stops_a_goto_loop_for_good()
    {
        using var run = new SessionRun();
        var cell = Cell.Code("");
        await run.RunAsync("long spins = 0;");
        var running = run.Session.ExecuteAsync("void Spin() { again: spins++; goto again; }\nSpin();", new OutputCollector(cell), "cell 2", TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        run.Session.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(CellStatus.Interrupted, result.Status);
        // Stopped, not abandoned: the counter no longer rises while later cells run.
        var (_, first) = await run.RunAsync("spins");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var (_, second) = await run.RunAsync("spins");
        Assert.Equal(first.Result().Data["text/plain"], second.Result().Data["text/plain"]);
    }

    [Fact]
    public async Task Display_and_update_replace_the_displayed_data_in_place()
    {
        using var run = new SessionRun();
        var (_, outputs) = await run.RunAsync("var d = display(\"step 0\");\nfor (var i = 1; i <= 3; i++) d.Update($\"step {i}\");\n\"done\".Display();");
        var displays = outputs.OfType<DisplayOutput>().ToList();
        Assert.Equal(2, displays.Count);
        Assert.Equal("step 3", displays[0].Data["text/plain"]);
        Assert.Equal("done", displays[1].Data["text/plain"]);
        Assert.All(displays, d => Assert.Null(d.DisplayId));
    }

    [Fact]
    public async Task Last_expression_is_formatted_as_html_and_plain_text()
    {
        using var run = new SessionRun();
        var (_, outputs) = await run.RunAsync("new { Name = \"rnn\", Units = 3 }");
        var result = outputs.Result();
        Assert.Contains("<table>", result.Data["text/html"]);
        Assert.Contains("rnn", result.Data["text/plain"]);
    }

    [Fact]
    public async Task Display_works_inside_classes_declared_in_a_cell()
    {
        using var run = new SessionRun();
        var (result, outputs) = await run.RunAsync("class Reporter { public void Report(int step) => display($\"step {step}\"); }\nnew Reporter().Report(7);");
        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("step 7", Assert.Single(outputs.OfType<DisplayOutput>()).Data["text/plain"]);
    }

    [Fact]
    public async Task Code_runs_in_the_working_directory_and_the_process_directory_is_restored()
    {
        var folder = RnnKit.TestSupport.Repo.TempFolder();
        File.WriteAllText(Path.Combine(folder, "data.txt"), "relative paths work");
        var before = Environment.CurrentDirectory;
        using var run = new SessionRun(new SessionOptions { WorkingDirectory = folder });
        var (_, outputs) = await run.RunAsync("System.IO.File.ReadAllText(\"data.txt\")");
        Assert.Equal("relative paths work", outputs.Result().Data["text/plain"]);
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Analyze_compiles_the_next_cell_against_earlier_declarations_without_running_it()
    {
        using var run = new SessionRun();
        await run.RunAsync("var hidden = 3;");
        var compilation = run.Session.Analyze("Console.WriteLine(hidden);");
        Assert.DoesNotContain(compilation.GetDiagnostics(TestContext.Current.CancellationToken), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Equal(1, run.Session.ExecutionCount);
    }
}
