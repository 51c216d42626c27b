using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Model;

public enum CellType
{
    Code,
    Markdown,
    Raw,
}

/// <summary>A notebook cell. Code cells carry outputs and an execution count; metadata is kept as read.</summary>
public sealed class Cell
{
    public Cell(CellType type, string source, string? id = null, JsonObject? metadata = null)
    {
        Type = type;
        Source = source;
        Id = id ?? NewId();
        Metadata = metadata ?? (type == CellType.Code ? Polyglot.CodeCellMetadata() : []);
    }

    public static Cell Code(string source) => new(CellType.Code, source);

    public static Cell Markdown(string source) => new(CellType.Markdown, source);

    /// <summary>nbformat 4.5 cell id: 1–64 characters of letters, digits, '-' and '_'.</summary>
    public string Id { get; set; }

    public CellType Type { get; set; }

    /// <summary>The cell's text with lines joined by '\n'.</summary>
    public string Source { get; set; }

    public JsonObject Metadata { get; set; }

    public List<Output> Outputs { get; } = [];

    public int? ExecutionCount { get; set; }

    /// <summary>Attachments of a markdown cell (images pasted into it), kept as read.</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>
    /// The language the cell is written in: the Polyglot kernel name of its metadata ("csharp", "markdown",
    /// "fsharp", …); a code cell with none is C#.
    /// </summary>
    public string Language =>
        Type == CellType.Markdown ? "markdown"
        : Metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
          ?? Metadata["dotnet_interactive"]?["language"]?.GetValue<string>()
          ?? "csharp";

    public Cell Clone()
    {
        var copy = new Cell(Type, Source, Id, (JsonObject)Metadata.DeepClone())
        {
            ExecutionCount = ExecutionCount,
            Attachments = (JsonObject?)Attachments?.DeepClone(),
        };
        copy.Outputs.AddRange(Outputs);
        return copy;
    }

    public void ClearOutputs()
    {
        Outputs.Clear();
        ExecutionCount = null;
    }

    internal static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
