using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Model;

/// <summary>
/// One Jupyter output of a code cell (nbformat 4): a stream, rich display data, a result or an error; or, while a
/// cell runs, a request to clear the cell's outputs (<see cref="ClearOutput"/>, never stored in a file).
/// </summary>
public abstract record Output
{
    /// <summary>nbformat's <c>output_type</c>.</summary>
    public abstract string OutputType { get; }
}

/// <summary>Text written to <c>stdout</c> or <c>stderr</c>.</summary>
public sealed record StreamOutput(string Name, string Text) : Output
{
    public override string OutputType => "stream";
}

/// <summary>
/// A value shown by <c>display(...)</c> (<c>display_data</c>) or as the cell's last expression
/// (<c>execute_result</c>, when <see cref="ExecutionCount"/> is set). <see cref="Data"/> maps MIME types
/// (text/plain, text/html, application/vnd.plotly.v1+json, …) to their content.
/// </summary>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, int? ExecutionCount = null, string? DisplayId = null) : Output
{
    public override string OutputType => ExecutionCount is null ? "display_data" : "execute_result";

    public bool IsResult => ExecutionCount is not null;

    /// <summary>Extra per-output metadata, kept as read.</summary>
    public JsonObject? Metadata { get; init; }
}

/// <summary>A compile error or an exception: name, message and the traceback lines shown to the reader.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : Output
{
    public override string OutputType => "error";
}

/// <summary>
/// <c>ClearOutput()</c> in a cell: clear what the cell has shown so far, now (<see cref="Wait"/> false) or when its
/// next output arrives (true, for flicker-free progress). A Jupyter <c>clear_output</c> message live; in a notebook
/// file the collector applies it, so the file keeps what a Jupyter client would show. Never written to a file.
/// </summary>
public sealed record ClearOutput(bool Wait) : Output
{
    public override string OutputType => "clear_output";
}
