using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using Xunit;
using static RnnKit.Notebooks.Tests.Kernel.MessageFields;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>What a cell's outputs become on iopub: coalesced text, the cell's order kept, clear_output, the cap.</summary>
public class IopubOutputTests
{
    private static string Stdout(IEnumerable<JupyterMessage> iopub) =>
        string.Concat(iopub.Where(m => m.MsgType == "stream" && Field(m, "name") == "stdout").Select(m => Field(m, "text")));

    [Fact]
    public void A_hundred_thousand_prints_arrive_complete_and_in_order_in_a_few_messages_then_idle()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var (reply, iopub) = kernel.Execute("flood:100000");

        Assert.Equal("ok", Field(reply, "status"));
        Assert.Equal(string.Concat(Enumerable.Range(0, 100_000).Select(i => $"line {i}\n")), Stdout(iopub));
        var streams = iopub.Count(m => m.MsgType == "stream");
        Assert.InRange(streams, 1, 20);
        Assert.Equal("idle", Field(iopub[^1], "execution_state"));
    }

    [Fact]
    public void Text_waits_for_the_next_output_of_another_kind_and_never_overtakes_it()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var (_, iopub) = kernel.Execute("print:a\nprint:b\nshow:chart\nprint:c\nwarn:w\nprint:d\nresult:1");
        var outputs = iopub.Where(m => m.MsgType is not ("status" or "execute_input"))
            .Select(m => m.MsgType == "stream" ? $"{Field(m, "name")}:{Field(m, "text")}" : m.MsgType);
        Assert.Equal(["stdout:a\nb\n", "display_data", "stdout:c\n", "stderr:w\n", "stdout:d\n", "execute_result"], outputs);
    }

    [Fact]
    public void Text_printed_by_a_running_cell_goes_out_on_a_timer_before_the_cell_ends()
    {
        var engine = new ScriptedEngine();
        using var kernel = new InProcessKernel(engine);
        var request = kernel.Client.Request("execute_request", new JsonObject { ["code"] = "print:early\nblock" });
        kernel.Client.SendShell(request);
        JupyterMessage stream;
        do stream = kernel.Client.ReceiveIopub(); while (stream.MsgType != "stream");
        Assert.Equal("early\n", Field(stream, "text"));
        kernel.Engine.Interrupt();
        Assert.Equal("error", Field(kernel.Client.ReceiveShell(), "status"));
    }

    [Fact]
    public void ClearOutput_is_published_as_clear_output_with_its_wait_flag()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var (_, iopub) = kernel.Execute("print:epoch 1\nclear:wait\nprint:epoch 2\nclear");
        var clears = iopub.Where(m => m.MsgType == "clear_output").Select(m => KernelJson.Bool(m.Content, "wait", false));
        Assert.Equal([true, false], clears);
        Assert.Equal(["stream", "clear_output", "stream", "clear_output"],
            iopub.Select(m => m.MsgType).Where(t => t is "stream" or "clear_output"));
    }

    [Fact]
    public void Output_past_the_limit_keeps_head_and_tail_and_says_how_much_was_cut()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine(), new KernelOptions { OutputLimit = 20_000 });
        var (reply, iopub) = kernel.Execute("flood:100000\nfail:after the flood");

        Assert.Equal("error", Field(reply, "status"));
        var text = Stdout(iopub);
        Assert.StartsWith("line 0\nline 1\n", text);
        Assert.EndsWith("line 99999\n", text);
        Assert.InRange(text.Length, 20_000, 21_000);
        Assert.Matches(@"\[… [\d,]+ characters \([\d,]+ lines\) of output cut here", text);
        Assert.Equal("after the flood", Field(Assert.Single(iopub, m => m.MsgType == "error"), "evalue"));
        Assert.Equal("status", iopub[^1].MsgType);
    }
}
