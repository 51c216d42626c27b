using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>The kernel over the real engine, driven frame by frame from a raw NetMQ client.</summary>
public class KernelEngineTests
{
    [Fact]
    public void A_forged_execute_request_never_runs_its_code_but_a_signed_one_does()
    {
        var marker = Path.Combine(Repo.TempFolder("rnnkit-forged"), "forged.txt");
        using var kernel = new InProcessKernel(new EngineAdapter());
        var code = $"System.IO.File.WriteAllText(@\"{marker}\", \"ran\");";
        var forged = kernel.Client.Request("execute_request", new JsonObject { ["code"] = code, ["silent"] = false });
        kernel.Client.SendShell(forged, new MessageSigner("a-guessed-key"));

        var (reply, iopub) = kernel.Execute("1 + 1");
        Assert.Equal("ok", KernelJson.String(reply.Content, "status"));
        Assert.Equal("2", Assert.Single(iopub, m => m.MsgType == "execute_result").Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.False(File.Exists(marker), "the badly signed request was executed");
        Assert.Contains("bad signature", kernel.Log.ToString());

        Assert.Equal("ok", KernelJson.String(kernel.Execute(code).Reply.Content, "status"));
        Assert.True(File.Exists(marker));
    }

    [Fact]
    public void Completion_sees_the_sessions_earlier_cells_and_the_kits_library()
    {
        using var kernel = new InProcessKernel(new EngineAdapter());
        kernel.Execute("var hiddenSize = 8;");
        var (reply, _) = kernel.Shell("complete_request", new JsonObject { ["code"] = "hidden", ["cursor_pos"] = 6 });
        Assert.Equal(["hiddenSize"], reply.Content["matches"]!.AsArray().Select(m => m!.GetValue<string>()));

        const string parameter = "new RnnKit.Parameter(";
        var (inspect, _) = kernel.Shell("inspect_request", new JsonObject { ["code"] = parameter, ["cursor_pos"] = parameter.Length - 2, ["detail_level"] = 0 });
        Assert.True(KernelJson.Bool(inspect.Content, "found", false), inspect.Content.ToJsonString());
        Assert.Contains("Parameter", inspect.Content["data"]!["text/plain"]!.GetValue<string>());
    }
}
