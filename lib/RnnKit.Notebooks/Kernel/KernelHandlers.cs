using System.Text.Json.Nodes;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// What the kernel does with each request (messaging protocol 5.3). Shell requests run one at a time, in order, on
/// the shell worker; control requests run at once on the socket thread, so an interrupt or shutdown is answered
/// while a cell is still running. Every request is wrapped in status busy/idle on iopub.
/// </summary>
internal sealed partial class KernelHandlers(
    IKernelEngine engine,
    Action<KernelChannel, JupyterMessage> send,
    KernelSession session,
    KernelHistory history,
    KernelOptions options,
    TextWriter log)
{
    /// <summary>Set when a shutdown_request arrives; the kernel exits once the reply is out.</summary>
    public TaskCompletionSource<ShutdownRequest> Shutdown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The starting status Jupyter kernels publish once, when their sockets are up.</summary>
    public void PublishStarting()
    {
        var header = MessageHeader.New("status", session.Id, session.Username);
        send(KernelChannel.IoPub, new JupyterMessage([Topic("status")], header, [], [], new JsonObject { ["execution_state"] = "starting" }, []));
    }

    /// <summary>How many shell requests have been queued (<see cref="Queued"/>); a request's number is its place.</summary>
    private long _queued;

    /// <summary>
    /// When a cell fails with stop_on_error, the number of the last request queued at that moment: the
    /// execute_requests queued behind the failed cell are answered "aborted" instead of run (ipykernel's behaviour,
    /// which "Run All" relies on), while what is sent after the failure runs.
    /// </summary>
    private long _abortThrough;

    /// <summary>Numbers a shell request as it is queued; call on the socket thread, in arrival order.</summary>
    public long Queued() => Interlocked.Increment(ref _queued);

    /// <param name="request">The request.</param>
    /// <param name="number">Its number from <see cref="Queued"/>.</param>
    public async Task HandleShellAsync(JupyterMessage request, long number)
    {
        PublishStatus(request, "busy");
        try
        {
            switch (request.MsgType)
            {
                case "execute_request" when number <= Interlocked.Read(ref _abortThrough):
                    log.WriteLine("rnnkit kernel: execute_request aborted: an earlier cell failed (stop_on_error)");
                    Reply(KernelChannel.Shell, request, new JsonObject { ["status"] = "aborted" });
                    break;
                case "execute_request": await ExecuteAsync(request); break;
                case "kernel_info_request": Reply(KernelChannel.Shell, request, KernelInfo.ReplyContent()); break;
                case "complete_request": Complete(request); break;
                case "inspect_request": Inspect(request); break;
                case "is_complete_request": IsComplete(request); break;
                case "history_request": History(request); break;
                case "comm_info_request": Reply(KernelChannel.Shell, request, new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }); break;
                case "comm_open" or "comm_msg" or "comm_close":
                    // No comm targets exist: nothing to open, so nothing to answer (ipykernel logs the same).
                    log.WriteLine($"rnnkit kernel: ignored {request.MsgType} (no comm targets)");
                    break;
                default: log.WriteLine($"rnnkit kernel: unknown shell message type '{request.MsgType}', ignored"); break;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A handler bug must not kill the kernel; the client gets an error reply naming it.
            log.WriteLine($"rnnkit kernel: {request.MsgType} failed: {e}");
            Reply(KernelChannel.Shell, request, ErrorContent(e.GetType().Name, e.Message, [e.ToString()]));
        }
        finally
        {
            PublishStatus(request, "idle");
        }
    }

    public void HandleControl(JupyterMessage request)
    {
        PublishStatus(request, "busy");
        try
        {
            switch (request.MsgType)
            {
                case "interrupt_request":
                    engine.Interrupt();
                    Reply(KernelChannel.Control, request, new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    var restart = KernelJson.Bool(request.Content, "restart", false);
                    engine.Interrupt();
                    Reply(KernelChannel.Control, request, new JsonObject { ["status"] = "ok", ["restart"] = restart });
                    Shutdown.TrySetResult(new ShutdownRequest(restart));
                    break;
                case "kernel_info_request": Reply(KernelChannel.Control, request, KernelInfo.ReplyContent()); break;
                default: log.WriteLine($"rnnkit kernel: unknown control message type '{request.MsgType}', ignored"); break;
            }
        }
        finally
        {
            PublishStatus(request, "idle");
        }
    }

    private void Reply(KernelChannel channel, JupyterMessage request, JsonObject content) =>
        send(channel, JupyterMessage.ReplyTo(request, session, ReplyType(request.MsgType), content));

    /// <summary>Sends an iopub message on behalf of <paramref name="parent"/>; safe from any thread.</summary>
    public void Publish(JupyterMessage parent, string msgType, JsonObject content) =>
        send(KernelChannel.IoPub, JupyterMessage.ReplyTo(parent, session, msgType, content, [Topic(msgType)]));

    private void PublishStatus(JupyterMessage parent, string state) =>
        Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    /// <summary>The iopub topic, as ipykernel names it: kernel.SESSION.MSG_TYPE.</summary>
    private byte[] Topic(string msgType) => System.Text.Encoding.UTF8.GetBytes($"kernel.{session.Id}.{msgType}");

    private static string ReplyType(string requestType) =>
        requestType.EndsWith("_request", StringComparison.Ordinal) ? requestType[..^"_request".Length] + "_reply" : requestType + "_reply";

    /// <summary>The content of an error message or an error reply.</summary>
    public static JsonObject ErrorContent(ErrorOutput error) => ErrorContent(error.Name, error.Value, error.Traceback);

    private static JsonObject ErrorContent(string name, string value, IEnumerable<string> traceback) => new()
    {
        ["status"] = "error",
        ["ename"] = name,
        ["evalue"] = value,
        ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
    };
}

/// <summary>A client asked the kernel to shut down; <see cref="Restart"/> says whether it will start a new one.</summary>
internal sealed record ShutdownRequest(bool Restart);
