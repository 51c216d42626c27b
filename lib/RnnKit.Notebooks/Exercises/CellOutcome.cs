using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Exercises;

/// <summary>How one cell of a grading notebook ended; the grading process writes one per line as JSON.</summary>
/// <param name="Cell">0-based index in the grading notebook.</param>
/// <param name="Status">"ok", "error" or "timeout" (the run report's cell statuses).</param>
/// <param name="Error">What went wrong, as the notebook shows it ("System.NullReferenceException: …"); null when ok.</param>
public sealed record CellOutcome(int Cell, string Status, string? Error = null)
{
    public const string Ok = "ok";
    public const string Failed = "error";
    public const string TimedOut = "timeout";

    /// <summary>The last line of a grading process that ran every cell (a process that dies never writes it).</summary>
    public static CellOutcome Finished { get; } = new(-1, "finished");

    public bool Succeeded => Status == Ok;

    public string ToJsonLine() =>
        new JsonObject { ["cell"] = Cell, ["status"] = Status, ["error"] = Error }.ToJsonString() + "\n";

    /// <summary>Reads a line written by <see cref="ToJsonLine"/>; null for a line that is not one (e.g. cut short).</summary>
    public static CellOutcome? FromJsonLine(string line)
    {
        try
        {
            var node = JsonNode.Parse(line);
            if (node?["cell"] is not JsonValue cell || node["status"]?.GetValue<string>() is not { } status) return null;
            return new CellOutcome(cell.GetValue<int>(), status, node["error"]?.GetValue<string>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
