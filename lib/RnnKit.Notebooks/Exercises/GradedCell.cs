using System.Text.Json;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Execution;

namespace RnnKit.Notebooks.Exercises;

/// <summary>How one cell of a grading notebook ended; the grading process writes one per line as JSON.</summary>
/// <param name="Cell">0-based index in the grading notebook.</param>
/// <param name="Status">How it ended (written as the run report writes it, <see cref="CellStatusWire"/>).</param>
/// <param name="Error">What went wrong, as the notebook shows it ("System.NullReferenceException: …"); null when ok.</param>
public sealed record GradedCell(int Cell, CellStatus Status, string? Error = null)
{
    /// <summary>The last line of a grading process that ran every cell (a process that dies never writes it).</summary>
    public static GradedCell Finished { get; } = new(-1, CellStatus.Ok);

    public bool Succeeded => Status == CellStatus.Ok;

    public string ToJsonLine() =>
        new JsonObject { ["cell"] = Cell, ["status"] = Status.ToWire(), ["error"] = Error }.ToJsonString() + "\n";

    /// <summary>Reads a line written by <see cref="ToJsonLine"/>; null for a line that is not one (e.g. cut short).</summary>
    public static GradedCell? FromJsonLine(string line)
    {
        try
        {
            var node = JsonNode.Parse(line);
            if (node?["cell"] is not JsonValue cell || CellStatusWire.FromWire(node["status"]?.GetValue<string>()) is not { } status) return null;
            return new GradedCell(cell.GetValue<int>(), status, node["error"]?.GetValue<string>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
