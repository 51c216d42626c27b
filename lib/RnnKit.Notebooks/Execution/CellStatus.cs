namespace RnnKit.Notebooks.Execution;

/// <summary>How a cell ended — the one vocabulary of the engine, the run report, grading and the kernel.</summary>
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

/// <summary>
/// The words a <see cref="CellStatus"/> is written as in files (the run report, grading results): "ok", "error",
/// "timeout" — DESIGN.md's report contract, so an interrupted cell is written "error".
/// </summary>
public static class CellStatusWire
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Timeout = "timeout";

    public static string ToWire(this CellStatus status) => status switch
    {
        CellStatus.Ok => Ok,
        CellStatus.Timeout => Timeout,
        _ => Error,
    };

    /// <summary>The status a word stands for; null for a word that is none of them.</summary>
    public static CellStatus? FromWire(string? word) => word switch
    {
        Ok => CellStatus.Ok,
        Error => CellStatus.Error,
        Timeout => CellStatus.Timeout,
        _ => null,
    };
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
