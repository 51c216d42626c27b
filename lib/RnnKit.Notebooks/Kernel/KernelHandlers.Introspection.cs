using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Kernel;

internal sealed partial class KernelHandlers
{
    /// <summary>complete_request: matches for the word at the cursor; cursor positions in code points.</summary>
    private void Complete(JupyterMessage request)
    {
        var code = KernelJson.String(request.Content, "code");
        var cursor = CodePoints.ToUtf16(code, KernelJson.Int(request.Content, "cursor_pos", code.Length));
        var result = CodeCompletion.Complete(engine.CompileForAnalysis(CellText.ForAnalysis(code)), cursor);
        var start = CodePoints.FromUtf16(code, result.Start);
        var end = CodePoints.FromUtf16(code, result.End);
        Reply(KernelChannel.Shell, request, new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Items.Select(i => (JsonNode?)JsonValue.Create(i.Text)).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject
            {
                // JupyterLab shows these kinds next to the matches.
                ["_jupyter_types_experimental"] = new JsonArray(result.Items.Select(i => (JsonNode?)new JsonObject
                {
                    ["start"] = start,
                    ["end"] = end,
                    ["text"] = i.Text,
                    ["type"] = i.Kind,
                }).ToArray()),
            },
        });
    }

    /// <summary>inspect_request: signature and doc summary of the symbol at the cursor, found=false if none.</summary>
    private void Inspect(JupyterMessage request)
    {
        var code = KernelJson.String(request.Content, "code");
        var cursor = CodePoints.ToUtf16(code, KernelJson.Int(request.Content, "cursor_pos", code.Length));
        var inspection = SymbolInspection.Inspect(engine.CompileForAnalysis(CellText.ForAnalysis(code)), cursor);
        var data = new JsonObject();
        if (inspection is not null)
        {
            data["text/plain"] = inspection.PlainText;
            data["text/markdown"] = inspection.Markdown;
        }
        Reply(KernelChannel.Shell, request, new JsonObject
        {
            ["status"] = "ok",
            ["found"] = inspection is not null,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        });
    }

    /// <summary>is_complete_request: complete, incomplete (with the indent for the next line) or invalid.</summary>
    private void IsComplete(JupyterMessage request)
    {
        var status = SubmissionCheck.Check(KernelJson.String(request.Content, "code"));
        var content = new JsonObject { ["status"] = status.Status };
        if (status.Status == SubmissionStatus.Incomplete) content["indent"] = status.Indent;
        Reply(KernelChannel.Shell, request, content);
    }
}
