using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>What the collector keeps in a cell: what a Jupyter client (nbclient) would show.</summary>
public class OutputCollectorTests
{
    private static DisplayOutput Shown(string text, string? id = null) => new(new Dictionary<string, string> { ["text/plain"] = text }, DisplayId: id);

    [Fact]
    public void Clear_output_empties_the_cell_at_once()
    {
        var cell = Cell.Code("");
        var collector = new OutputCollector(cell);
        collector.Add(new StreamOutput("stdout", "old\n"));
        collector.Add(Shown("old"));
        collector.Add(new ClearOutput(Wait: false));
        Assert.Empty(cell.Outputs);
        collector.Add(new StreamOutput("stdout", "new\n"));
        Assert.Equal("new\n", cell.Outputs.Stdout());
    }

    [Fact]
    public void Clear_output_with_wait_clears_just_before_the_next_output_and_not_for_an_update()
    {
        var cell = Cell.Code("");
        var collector = new OutputCollector(cell);
        collector.Add(Shown("step 1", "d"));
        collector.Add(new ClearOutput(Wait: true));
        collector.Update(Shown("step 2", "d"));
        Assert.Equal("step 2", Assert.Single(cell.Outputs.OfType<DisplayOutput>()).Data["text/plain"]);
        collector.Add(new StreamOutput("stdout", "step 3\n"));
        Assert.Equal("step 3\n", Assert.IsType<StreamOutput>(Assert.Single(cell.Outputs)).Text);
    }

    [Fact]
    public void A_pending_clear_ends_with_its_cell_and_a_cleared_display_no_longer_updates()
    {
        var first = Cell.Code("");
        var collector = new OutputCollector(first);
        collector.Add(Shown("kept"));
        collector.Add(new ClearOutput(Wait: true));
        var second = Cell.Code("");
        collector.Cell = second;
        collector.Add(Shown("shown", "d"));
        Assert.Single(first.Outputs);

        collector.Add(new ClearOutput(Wait: false));
        collector.Add(new StreamOutput("stdout", "after\n"));
        collector.Update(Shown("late", "d"));
        Assert.Equal("after\n", Assert.IsType<StreamOutput>(Assert.Single(second.Outputs)).Text);
    }

    [Fact]
    public async Task ClearOutput_in_a_cell_leaves_only_what_came_after_it()
    {
        using var run = new SessionRun();
        var (_, outputs) = await run.RunAsync(
            "for (var i = 0; i < 3; i++) { ClearOutput(wait: true); Console.WriteLine($\"epoch {i}\"); }\ndisplay(\"done\");");
        Assert.Equal("epoch 2\n", outputs.Stdout());
        Assert.Equal(2, outputs.Count);
    }
}
