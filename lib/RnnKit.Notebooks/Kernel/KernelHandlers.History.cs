using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace RnnKit.Notebooks.Kernel;

internal sealed partial class KernelHandlers
{
    /// <summary>
    /// history_request: tail (the last n inputs of all sessions), range (lines start to stop of a session, answered
    /// with that session's number) or search (a glob pattern; n, unique); with output, each entry carries
    /// [input, text/plain result or null].
    /// </summary>
    private void History(JupyterMessage request)
    {
        var content = request.Content;
        var n = content["n"] is JsonValue ? KernelJson.Int(content, "n", 0) : (int?)null;
        var entries = KernelJson.String(content, "hist_access_type") switch
        {
            "tail" => history.Tail(n ?? DefaultTail),
            "range" => history.Range(KernelJson.Int(content, "session", 0), KernelJson.Int(content, "start", 0), KernelJson.Int(content, "stop", 0)),
            "search" => history.Search(KernelJson.String(content, "pattern", "*"), n, KernelJson.Bool(content, "unique", false)),
            var other => Unknown(other),
        };
        var withOutput = KernelJson.Bool(content, "output", false);
        Reply(KernelChannel.Shell, request, new JsonObject
        {
            ["status"] = "ok",
            ["history"] = new JsonArray(entries.Select(e => (JsonNode?)new JsonArray(
                e.Session,
                e.Line,
                withOutput ? new JsonArray(e.Input, e.Output) : JsonValue.Create(e.Input))).ToArray()),
        });
    }

    /// <summary>How many inputs a tail request without n gets.</summary>
    private const int DefaultTail = 10;

    private IReadOnlyList<HistoryEntry> Unknown(string accessType)
    {
        log.WriteLine($"rnnkit kernel: history_request with hist_access_type '{accessType}' (not tail, range or search): answered empty");
        return [];
    }

    /// <summary>Writes to the history; a history that fails (disk full, file locked too long) is logged, never fails a cell.</summary>
    private void Remember(Action<KernelHistory> write)
    {
        try
        {
            write(history);
        }
        catch (SqliteException e)
        {
            log.WriteLine($"rnnkit kernel: could not write the history ({e.Message})");
        }
    }
}
