using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>Replay protection: a validly signed message sent a second time is dropped.</summary>
public class DigestHistoryTests
{
    [Fact]
    public void A_signature_is_accepted_once_and_forgotten_when_the_history_is_full()
    {
        var history = new DigestHistory(capacity: 2);
        Assert.True(history.Add("a"));
        Assert.False(history.Add("a"));
        Assert.True(history.Add("b"));
        Assert.True(history.Add("c"));
        Assert.True(history.Add("a"));
        Assert.False(history.Add("c"));
    }

    [Fact]
    public void A_replayed_execute_request_is_dropped_and_runs_once()
    {
        var engine = new ScriptedEngine();
        using var kernel = new InProcessKernel(engine);
        var request = kernel.Client.Request("execute_request", new JsonObject { ["code"] = "print:once", ["silent"] = false });
        kernel.Client.SendShell(request);
        kernel.Client.ReceiveShell();
        kernel.Client.SendShell(request);

        Assert.Equal("ok", KernelJson.String(kernel.Execute("print:next").Reply.Content, "status"));
        Assert.Equal(["print:once", "print:next"], engine.Executed);
        Assert.Contains("signature was seen before", kernel.Log.ToString());
    }
}
