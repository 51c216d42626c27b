namespace RnnKit.Notebooks.Execution;

/// <summary>How a cell ended.</summary>
public enum CellStatus
{
    /// <summary>Ran to the end (or was a markdown cell, which never runs).</summary>
    Ok,

    /// <summary>A directive, compile error or exception; the cell's outputs end with an error output.</summary>
    Error,

    /// <summary>Stopped because it ran longer than the timeout.</summary>
    Timeout,

    /// <summary>Stopped by <see cref="CSharpSession.Interrupt"/>.</summary>
    Interrupted,
}

/// <summary>What one <see cref="CSharpSession.ExecuteAsync"/> did.</summary>
/// <param name="ExecutionCount">The session's count for this execution (Jupyter's <c>execution_count</c>).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Elapsed">Wall time, compile included.</param>
/// <param name="Error">One line saying what went wrong (null when <see cref="CellStatus.Ok"/>).</param>
public sealed record CellResult(int ExecutionCount, CellStatus Status, TimeSpan Elapsed, string? Error = null)
{
    public bool Succeeded => Status == CellStatus.Ok;
}
