using System.Text.Json.Nodes;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Kernel;

internal sealed partial class KernelHandlers
{
    /// <summary>In[n]: counts the cells run with store_history (Jupyter numbers only those).</summary>
    private int _executionCount;

    /// <summary>
    /// execute_request: execute_input, then the cell's streams and displays as they happen, then its result or
    /// error, then execute_reply. A silent request publishes nothing but status and does not count.
    /// </summary>
    private async Task ExecuteAsync(JupyterMessage request)
    {
        var code = KernelJson.String(request.Content, "code");
        var silent = KernelJson.Bool(request.Content, "silent", false);
        var storeHistory = !silent && KernelJson.Bool(request.Content, "store_history", true);
        if (storeHistory) _executionCount++;
        var count = _executionCount;
        if (!silent)
            Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        IKernelOutputSink sink = silent ? new SilentSink() : new IopubSink(this, request);
        var outcome = await engine.ExecuteAsync(code, sink);

        if (outcome.Error is { } error)
        {
            if (!silent) Publish(request, "error", ErrorContent(error.Name, error.Value, error.Traceback));
            var reply = ErrorContent(error.Name, error.Value, error.Traceback);
            reply["execution_count"] = count;
            Reply(KernelChannel.Shell, request, reply);
            return;
        }
        if (outcome.Result is { } result && !silent)
            Publish(request, "execute_result", new JsonObject
            {
                ["execution_count"] = count,
                ["data"] = KernelJson.MimeBundle(result.Data),
                ["metadata"] = result.Metadata?.DeepClone() ?? new JsonObject(),
            });
        Reply(KernelChannel.Shell, request, new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["user_expressions"] = new JsonObject(),
            ["payload"] = new JsonArray(),
        });
    }

    /// <summary>Publishes a running cell's outputs on iopub, each with the execute_request as parent.</summary>
    private sealed class IopubSink(KernelHandlers kernel, JupyterMessage request) : IKernelOutputSink
    {
        public void Stream(string name, string text) =>
            kernel.Publish(request, "stream", new JsonObject { ["name"] = name, ["text"] = text });

        public void Display(DisplayOutput output) => kernel.Publish(request, "display_data", DisplayContent(output));

        public void UpdateDisplay(DisplayOutput output) => kernel.Publish(request, "update_display_data", DisplayContent(output));

        private static JsonObject DisplayContent(DisplayOutput output)
        {
            var content = new JsonObject
            {
                ["data"] = KernelJson.MimeBundle(output.Data),
                ["metadata"] = output.Metadata?.DeepClone() ?? new JsonObject(),
                ["transient"] = new JsonObject(),
            };
            if (output.DisplayId is not null) content["transient"]!["display_id"] = output.DisplayId;
            return content;
        }
    }

    /// <summary>A silent execute_request shows nothing.</summary>
    private sealed class SilentSink : IKernelOutputSink
    {
        public void Stream(string name, string text) { }

        public void Display(DisplayOutput output) { }

        public void UpdateDisplay(DisplayOutput output) { }
    }
}
