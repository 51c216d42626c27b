using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Formatting;

namespace RnnKit.Notebooks.Execution;

/// <summary>One executed cell in the <c>run</c> report (DESIGN.md).</summary>
/// <param name="Index">1-based position of the cell in the notebook (markdown cells count), as messages name it.</param>
/// <param name="Status">How it ended, written as <see cref="CellStatusWire"/> says.</param>
/// <param name="Seconds">Wall time of the cell.</param>
/// <param name="Error">What went wrong; null when ok.</param>
public sealed record CellReport(int Index, CellStatus Status, double Seconds, string? Error = null);

/// <summary>A claim one cell made (<see cref="ClaimResult"/>), as the report lists it.</summary>
/// <param name="Index">1-based position of the cell that made it, as in <see cref="CellReport.Index"/>.</param>
/// <param name="Claim">The claim, held or not.</param>
public sealed record ClaimReport(int Index, ClaimResult Claim);

/// <summary>One notebook in the <c>run</c> report: "ok" when every cell that ran was ok, else "failed".</summary>
/// <param name="Path">The notebook file as given.</param>
/// <param name="Status">"ok" or "failed".</param>
/// <param name="Seconds">Wall time of the whole notebook.</param>
/// <param name="Cells">The cells that ran, in order.</param>
/// <param name="Error">Why the notebook could not run at all (it does not parse); null otherwise.</param>
public sealed record NotebookReport(string Path, string Status, double Seconds, IReadOnlyList<CellReport> Cells, string? Error = null)
{
    /// <summary>The claims the cells made, in order, held or not.</summary>
    public IReadOnlyList<ClaimReport> Claims { get; init; } = [];

    public const string Ok = "ok";
    public const string Failed = "failed";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public bool Succeeded => Status == Ok;

    /// <summary>The first failing cell, if any.</summary>
    public CellReport? FirstFailure => Cells.FirstOrDefault(c => c.Status != CellStatus.Ok);

    /// <summary>The report file of <c>rnnkit run --report</c>: <c>{"notebooks": [...]}</c>, DESIGN.md's shape.</summary>
    public static string ToJson(IEnumerable<NotebookReport> notebooks)
    {
        var root = new JsonObject { ["notebooks"] = new JsonArray(notebooks.Select(n => (JsonNode)n.ToJsonNode()).ToArray()) };
        return root.ToJsonString(s_json) + "\n";
    }

    public JsonObject ToJsonNode()
    {
        var node = new JsonObject
        {
            ["path"] = Path,
            ["status"] = Status,
            ["seconds"] = Math.Round(Seconds, 3),
            ["cells"] = new JsonArray(Cells.Select(c =>
            {
                var cell = new JsonObject { ["index"] = c.Index, ["status"] = c.Status.ToWire(), ["seconds"] = Math.Round(c.Seconds, 3) };
                if (c.Error is not null) cell["error"] = c.Error;
                return (JsonNode)cell;
            }).ToArray()),
        };
        node["claims"] = new JsonArray(Claims.Select(c =>
        {
            var claim = new JsonObject { ["index"] = c.Index };
            foreach (var (name, value) in ClaimMime.ToJson(c.Claim)) claim[name] = value?.DeepClone();
            return (JsonNode)claim;
        }).ToArray());
        if (Error is not null) node["error"] = Error;
        return node;
    }
}
