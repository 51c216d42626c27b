using Microsoft.CodeAnalysis;
using RnnKit.Notebooks.Execution;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The execution engine as the kernel sees it: one C# session whose cells run in order. The kernel holds exactly
/// one at a time; <see cref="EngineAdapter"/> wraps the kit's engine (the same one `rnnkit run` uses).
/// </summary>
internal interface IKernelEngine : IDisposable
{
    /// <summary>
    /// Runs one cell. Its outputs go to <paramref name="sink"/> as they happen, as they do for `rnnkit run`: streams,
    /// displays and their updates, clear_output, the cell's value (a <see cref="Model.DisplayOutput"/> with an
    /// execution count) and, when it fails, one error output. The sink may also be an <see cref="IInputSource"/>.
    /// </summary>
    Task<CellResult> ExecuteAsync(string code, IOutputSink sink);

    /// <summary>Stops the cell now running (a loop, a sleep or an await); the next cell runs normally. Thread-safe.</summary>
    void Interrupt();

    /// <summary>
    /// The compilation in which <paramref name="code"/> would compile as the next cell (references, usings and
    /// every earlier cell's declarations in scope); its last syntax tree is <paramref name="code"/>. For
    /// completions and inspection only: nothing runs.
    /// </summary>
    Compilation CompileForAnalysis(string code);
}
