namespace RnnKit.Notebooks.Execution;

/// <summary>How a <see cref="CSharpSession"/> runs cells. Specialise with <c>with { … }</c>.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// The folder notebook code runs in (Environment.CurrentDirectory during each cell, so relative paths in a lesson
    /// work) and that <c>#r "path.dll"</c> is relative to. Null: leave the process's current directory alone.
    /// The current directory is process-wide, so cells of sessions that set it run one at a time.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Longest a cell may run before it is stopped with <see cref="CellStatus.Timeout"/>; null: no limit.</summary>
    public TimeSpan? Timeout { get; init; }
}
