using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using Xunit;
using static RnnKit.Notebooks.Tests.Kernel.MessageFields;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>Console.ReadLine in a cell: an input_request to the client that allows it, an error for one that does not.</summary>
public class KernelStdinTests
{
    [Fact]
    public void A_cell_asks_the_client_on_stdin_and_gets_its_reply()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var request = kernel.Client.Request("execute_request", new JsonObject { ["code"] = "print:name?\ninput", ["allow_stdin"] = true });
        kernel.Client.SendShell(request);

        var ask = kernel.Client.ReceiveStdin();
        Assert.Equal("input_request", ask.MsgType);
        Assert.Equal(request.Header.MsgId, KernelJson.String(ask.ParentHeader, "msg_id"));
        Assert.False(KernelJson.Bool(ask.Content, "password", true));
        kernel.Client.SendStdin(kernel.Client.Request("input_reply", new JsonObject { ["value"] = "Ada" }));

        Assert.Equal("ok", Field(kernel.Client.ReceiveShell(), "status"));
        var streams = kernel.Client.IopubUntilIdle(request).Where(m => m.MsgType == "stream").Select(m => Field(m, "text"));
        // The prompt went out before the question.
        Assert.Equal(["name?\n", "typed Ada\n"], streams);
    }

    [Fact]
    public void Without_allow_stdin_reading_input_fails_the_cell_with_a_clear_message()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var (reply, _) = kernel.Execute("input", allowStdin: false);
        Assert.Equal("error", Field(reply, "status"));
        Assert.Contains("does not take input (allow_stdin is false", Field(reply, "evalue"));
    }

    [Fact]
    public void An_input_reply_nobody_waits_for_is_logged_and_dropped()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        kernel.Client.SendStdin(kernel.Client.Request("input_reply", new JsonObject { ["value"] = "stray" }));
        Assert.Equal("ok", Field(kernel.Execute("print:fine").Reply, "status"));
        Assert.Contains("no cell is waiting for input", kernel.Log.ToString());
    }
}
