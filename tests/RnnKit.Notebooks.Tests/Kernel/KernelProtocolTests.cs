using System.Text;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using Xunit;
using static RnnKit.Notebooks.Tests.Kernel.MessageFields;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>The message flow of the protocol, checked frame by frame against a scripted engine.</summary>
public class KernelProtocolTests
{
    [Fact]
    public void Kernel_info_reply_describes_the_csharp_kernel_on_shell_and_control()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var (reply, iopub) = kernel.Shell("kernel_info_request", []);

        Assert.Equal("kernel_info_reply", reply.MsgType);
        Assert.Equal("5.3", reply.Header.Version);
        Assert.Equal("5.3", Field(reply, "protocol_version"));
        Assert.Equal("rnnkit", Field(reply, "implementation"));
        var language = reply.Content["language_info"]!.AsObject();
        Assert.Equal("C#", KernelJson.String(language, "name"));
        Assert.Equal("text/x-csharp", KernelJson.String(language, "mimetype"));
        Assert.Equal(".cs", KernelJson.String(language, "file_extension"));
        Assert.Equal("csharp", KernelJson.String(language, "pygments_lexer"));
        Assert.NotEmpty(Field(reply, "banner"));
        Assert.NotEmpty(reply.Content["help_links"]!.AsArray());
        Assert.Equal(["busy", "idle"], iopub.Select(m => Field(m, "execution_state")));

        var control = kernel.Client.Request("kernel_info_request", []);
        kernel.Client.SendControl(control);
        Assert.Equal("kernel_info_reply", kernel.Client.ReceiveControl().MsgType);
    }

    [Fact]
    public void Replies_echo_the_request_header_and_carry_iso_dates()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var request = kernel.Client.Request("kernel_info_request", []);
        kernel.Client.SendShell(request);
        var reply = kernel.Client.ReceiveShell();
        Assert.Equal(request.Header.MsgId, KernelJson.String(reply.ParentHeader, "msg_id"));
        Assert.Equal("kernel_info_request", KernelJson.String(reply.ParentHeader, "msg_type"));
        Assert.True(DateTimeOffset.TryParse(reply.Header.Date, out _), reply.Header.Date);
        Assert.EndsWith("Z", reply.Header.Date);
    }

    [Fact]
    public void Execute_publishes_busy_input_streams_display_update_result_idle_in_order()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var (reply, iopub) = kernel.Execute("print:hello\nwarn:careful\nshow:0%\nupdate:100%\nresult:42");

        Assert.Equal("ok", Field(reply, "status"));
        Assert.Equal(1, KernelJson.Int(reply.Content, "execution_count", 0));
        Assert.Equal(
            ["status", "execute_input", "stream", "stream", "display_data", "update_display_data", "execute_result", "status"],
            iopub.Select(m => m.MsgType));
        Assert.Equal("busy", Field(iopub[0], "execution_state"));
        Assert.Equal(1, KernelJson.Int(iopub[1].Content, "execution_count", 0));
        Assert.Equal(("stdout", "hello\n"), (Field(iopub[2], "name"), Field(iopub[2], "text")));
        Assert.Equal(("stderr", "careful\n"), (Field(iopub[3], "name"), Field(iopub[3], "text")));
        Assert.Equal("d1", iopub[4].Content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal("100%", iopub[5].Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("d1", iopub[5].Content["transient"]!["display_id"]!.GetValue<string>());
        Assert.Equal("42", iopub[6].Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(1, KernelJson.Int(iopub[6].Content, "execution_count", 0));
        Assert.True(iopub.Skip(1).All(m => m.Identities.Count == 1 && Encoding.UTF8.GetString(m.Identities[0]).EndsWith("." + m.MsgType)));
    }

    [Fact]
    public void Execution_count_follows_store_history_and_silent_publishes_nothing()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        Assert.Equal(1, KernelJson.Int(kernel.Execute("print:a").Reply.Content, "execution_count", 0));
        Assert.Equal(1, KernelJson.Int(kernel.Execute("print:b", storeHistory: false).Reply.Content, "execution_count", 0));
        var (silentReply, silentIopub) = kernel.Execute("print:c\nresult:1", silent: true);
        Assert.Equal(1, KernelJson.Int(silentReply.Content, "execution_count", 0));
        Assert.Equal(["status", "status"], silentIopub.Select(m => m.MsgType));
        Assert.Equal(2, KernelJson.Int(kernel.Execute("print:d").Reply.Content, "execution_count", 0));
    }

    [Fact]
    public void A_failing_cell_publishes_error_and_replies_status_error()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        var (reply, iopub) = kernel.Execute("print:before\nfail:boom");
        Assert.Equal("error", Field(reply, "status"));
        Assert.Equal("System.Exception", Field(reply, "ename"));
        Assert.Equal("boom", Field(reply, "evalue"));
        Assert.Equal(1, KernelJson.Int(reply.Content, "execution_count", 0));
        var error = Assert.Single(iopub, m => m.MsgType == "error");
        Assert.Equal("boom", Field(error, "evalue"));
        Assert.NotEmpty(error.Content["traceback"]!.AsArray());
    }

    /// <summary>Sends a cell that blocks until interrupted and waits until it runs.</summary>
    private static async Task StartBlockingCellAsync(InProcessKernel kernel, ScriptedEngine engine)
    {
        kernel.Client.SendShell(kernel.Client.Request("execute_request", new JsonObject { ["code"] = "block" }));
        await engine.Blocked.Task.WaitAsync(WireClient.Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Interrupt_on_control_is_answered_while_a_cell_runs_and_the_next_cell_runs()
    {
        var engine = new ScriptedEngine();
        using var kernel = new InProcessKernel(engine);
        await StartBlockingCellAsync(kernel, engine);

        kernel.Client.SendControl(kernel.Client.Request("interrupt_request", []));
        var interruptReply = kernel.Client.ReceiveControl();
        Assert.Equal("interrupt_reply", interruptReply.MsgType);
        Assert.Equal("ok", Field(interruptReply, "status"));
        Assert.Equal("error", Field(kernel.Client.ReceiveShell(), "status"));

        Assert.Equal("ok", Field(kernel.Execute("print:after").Reply, "status"));
    }

    [Fact]
    public async Task Cells_queued_behind_a_failed_one_are_aborted_with_stop_on_error_and_later_ones_run()
    {
        var engine = new ScriptedEngine();
        using var kernel = new InProcessKernel(engine);
        await StartBlockingCellAsync(kernel, engine);
        var queued = kernel.Client.Request("execute_request", new JsonObject { ["code"] = "print:queued" });
        kernel.Client.SendShell(queued);
        var tolerated = kernel.Client.Request("execute_request", new JsonObject { ["code"] = "print:runs anyway" });
        await Task.Delay(200, TestContext.Current.CancellationToken);

        engine.Interrupt();
        Assert.Equal("error", Field(kernel.Client.ReceiveShell(), "status"));
        Assert.Equal("aborted", Field(kernel.Client.ReceiveShell(), "status"));
        kernel.Client.SendShell(tolerated);
        Assert.Equal("ok", Field(kernel.Client.ReceiveShell(), "status"));
        Assert.Equal(["block", "print:runs anyway"], engine.Executed);
    }

    [Fact]
    public void Unknown_comm_and_history_requests_are_safe()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        Assert.Empty(kernel.Shell("comm_info_request", []).Reply.Content["comms"]!.AsObject());
        Assert.Empty(kernel.Shell("history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10 }).Reply.Content["history"]!.AsArray());

        foreach (var type in new[] { "comm_open", "no_such_request" })
        {
            var request = kernel.Client.Request(type, new JsonObject { ["comm_id"] = "c1", ["target_name"] = "jupyter.widget", ["data"] = new JsonObject() });
            kernel.Client.SendShell(request);
            Assert.Equal(["busy", "idle"], kernel.Client.IopubUntilIdle(request).Select(m => Field(m, "execution_state")));
        }
        Assert.Contains("comm_open", kernel.Log.ToString());
        Assert.Contains("unknown shell message type 'no_such_request'", kernel.Log.ToString());
        Assert.Equal("ok", Field(kernel.Execute("print:still alive").Reply, "status"));
    }

    [Fact]
    public void A_message_with_a_bad_signature_is_dropped_and_never_executed()
    {
        var engine = new ScriptedEngine();
        using var kernel = new InProcessKernel(engine);
        var forged = kernel.Client.Request("execute_request", new JsonObject { ["code"] = "print:forged" });
        kernel.Client.SendShell(forged, new MessageSigner("not-the-key"));

        Assert.Equal("ok", Field(kernel.Execute("print:genuine").Reply, "status"));
        Assert.Equal(["print:genuine"], engine.Executed);
        Assert.Contains("bad signature", kernel.Log.ToString());
    }

    [Fact]
    public async Task Heartbeat_echoes_and_shutdown_replies_then_stops_the_kernel()
    {
        using var kernel = new InProcessKernel(new ScriptedEngine());
        Assert.Equal("ping"u8.ToArray(), kernel.Client.Ping("ping"u8.ToArray()));

        kernel.Client.SendControl(kernel.Client.Request("shutdown_request", new JsonObject { ["restart"] = false }));
        var reply = kernel.Client.ReceiveControl();
        Assert.Equal("shutdown_reply", reply.MsgType);
        Assert.False(KernelJson.Bool(reply.Content, "restart", true));
        await kernel.Running.WaitAsync(WireClient.Patience, TestContext.Current.CancellationToken);
    }
}
