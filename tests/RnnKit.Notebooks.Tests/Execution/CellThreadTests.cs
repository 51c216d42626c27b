using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>Stopping a cell that sleeps or waits: it really stops, and says so only when it has.</summary>
public class CellThreadTests
{
    [Theory]
    [InlineData("Thread.Sleep(8000);")]
    [InlineData("new ManualResetEventSlim().Wait();")]
    public async Task An_interrupted_sleep_or_wait_ends_the_cell_before_its_next_statement(string blocking)
    {
        using var run = new SessionRun();
        await run.RunAsync("using System.Threading;\nvar x = 0;");
        var cell = Cell.Code("");
        var token = TestContext.Current.CancellationToken;
        var running = run.Session.ExecuteAsync($"{blocking}\nx = 1;", new OutputCollector(cell), "cell 2", token);
        await Task.Delay(500, token);
        run.Session.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(5), token);

        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.Equal("cell 2 was interrupted", cell.Outputs.Error().Value);
        await Task.Delay(200, token);
        var (_, outputs) = await run.RunAsync("x");
        Assert.Equal("0", outputs.Result().Data["text/plain"]);
    }

    [Fact]
    public async Task A_timed_out_sleep_is_stopped_too()
    {
        using var run = new SessionRun(new SessionOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var (result, outputs) = await run.RunAsync("System.Threading.Thread.Sleep(60_000);");
        Assert.Equal(CellStatus.Timeout, result.Status);
        Assert.Equal("cell 1 did not finish within 0.3 s and was stopped", outputs.Error().Value);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task A_cell_inside_a_call_that_never_checks_is_reported_as_still_running()
    {
        using var run = new SessionRun(new SessionOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        // A library call that never checks for interruption: the regex engine backtracking for 3 s.
        var (result, outputs) = await run.RunAsync("System.Text.RegularExpressions.Regex.IsMatch(new string('a', 60) + \"!\", " +
            "\"^(a|aa)+$\", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(3))");
        Assert.Equal(CellStatus.Timeout, result.Status);
        Assert.Contains("could not be stopped", outputs.Error().Value);
        Assert.DoesNotContain("was stopped", outputs.Error().Value);
    }
}
