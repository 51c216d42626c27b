using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Kernel;

internal sealed partial class KernelHandlers
{
    /// <summary>The answer the running cell waits for, while it waits.</summary>
    private TaskCompletionSource<string>? _input;

    /// <summary>
    /// Asks the client that sent <paramref name="request"/> for a line (input_request on stdin, to the same
    /// identity as the shell request) and blocks the calling cell thread until its input_reply arrives.
    /// </summary>
    /// <exception cref="OperationCanceledException">The cell was stopped while waiting.</exception>
    public string RequestInput(JupyterMessage request, CancellationToken cancel)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _input, answer);
        try
        {
            send(KernelChannel.Stdin, JupyterMessage.ReplyTo(request, session, "input_request",
                new JsonObject { ["prompt"] = "", ["password"] = false }));
            return answer.Task.WaitAsync(cancel).GetAwaiter().GetResult();
        }
        finally
        {
            Interlocked.CompareExchange(ref _input, null, answer);
        }
    }

    /// <summary>stdin: an input_reply answers the cell waiting for input; anything else is logged and dropped.</summary>
    public void HandleStdin(JupyterMessage message)
    {
        if (message.MsgType == "input_reply" && Interlocked.Exchange(ref _input, null) is { } waiting)
            waiting.TrySetResult(KernelJson.String(message.Content, "value"));
        else
            log.WriteLine($"rnnkit kernel: unexpected {message.MsgType} on stdin (no cell is waiting for input), ignored");
    }
}
