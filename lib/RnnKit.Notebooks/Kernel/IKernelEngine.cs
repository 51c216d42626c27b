using Microsoft.CodeAnalysis;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The execution engine as the kernel sees it: one C# session whose cells run in order. The kernel holds exactly
/// one at a time; <see cref="EngineAdapter"/> wraps the kit's engine (the same one `rnnkit run` uses).
/// </summary>
internal interface IKernelEngine : IDisposable
{
    /// <summary>
    /// Runs one cell. Streams, displays and updates go to <paramref name="sink"/> while it runs; the cell's value
    /// (if any) is returned as a result, a compile error, exception or interruption as an error.
    /// </summary>
    Task<CellOutcome> ExecuteAsync(string code, IKernelOutputSink sink);

    /// <summary>Stops the cell now running (a loop or an await); the next cell runs normally. Thread-safe.</summary>
    void Interrupt();

    /// <summary>
    /// The compilation in which <paramref name="code"/> would compile as the next cell (references, usings and
    /// every earlier cell's declarations in scope); its last syntax tree is <paramref name="code"/>. For
    /// completions and inspection only: nothing runs.
    /// </summary>
    Compilation CompileForAnalysis(string code);
}

/// <summary>How one cell ended: its value to show (null if none) or the error that stopped it (null if ok).</summary>
internal sealed record CellOutcome(DisplayOutput? Result, ErrorOutput? Error)
{
    public static CellOutcome Ok(DisplayOutput? result = null) => new(result, null);

    public static CellOutcome Failed(ErrorOutput error) => new(null, error);
}

/// <summary>Where a running cell's outputs go as they happen (the kernel publishes them on iopub).</summary>
internal interface IKernelOutputSink
{
    /// <summary>Text written to stdout or stderr (<paramref name="name"/> is "stdout" or "stderr").</summary>
    void Stream(string name, string text);

    /// <summary>A value shown with display(...); its <see cref="DisplayOutput.DisplayId"/> lets it be updated.</summary>
    void Display(DisplayOutput output);

    /// <summary>New data for the display with <see cref="DisplayOutput.DisplayId"/>.</summary>
    void UpdateDisplay(DisplayOutput output);
}
