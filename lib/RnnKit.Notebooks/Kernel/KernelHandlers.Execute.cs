using System.Text.Json.Nodes;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Kernel;

internal sealed partial class KernelHandlers
{
    /// <summary>In[n]: counts the cells run with store_history (Jupyter numbers only those).</summary>
    private int _executionCount;

    /// <summary>
    /// execute_request: execute_input, then the cell's outputs in the order it made them (<see cref="IopubOutput"/>),
    /// then execute_reply. A silent request publishes nothing but status and does not count. The input and its
    /// text/plain result go into the history.
    /// </summary>
    private async Task ExecuteAsync(JupyterMessage request)
    {
        var code = KernelJson.String(request.Content, "code");
        var silent = KernelJson.Bool(request.Content, "silent", false);
        var storeHistory = !silent && KernelJson.Bool(request.Content, "store_history", true);
        var allowStdin = KernelJson.Bool(request.Content, "allow_stdin", false);
        if (storeHistory)
        {
            _executionCount++;
            Remember(h => h.Add(_executionCount, code));
        }
        var count = _executionCount;
        if (!silent)
            Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        CellResult result;
        ErrorOutput? error;
        using (var output = new IopubOutput(this, request, count, silent, allowStdin, options))
        {
            result = await engine.ExecuteAsync(code, output);
            output.Finish();
            error = output.Error;
            if (storeHistory && output.Result?.Data.GetValueOrDefault("text/plain") is { } text)
                Remember(h => h.SetOutput(count, text));
        }

        if (result.Status != CellStatus.Ok)
        {
            if (!silent && KernelJson.Bool(request.Content, "stop_on_error", true))
                Interlocked.Exchange(ref _abortThrough, Interlocked.Read(ref _queued));
            var reply = ErrorContent(error ?? new ErrorOutput("Error", result.Error ?? "the cell failed", []));
            reply["execution_count"] = count;
            Reply(KernelChannel.Shell, request, reply);
            return;
        }
        Reply(KernelChannel.Shell, request, new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["user_expressions"] = new JsonObject(),
            ["payload"] = new JsonArray(),
        });
    }
}
