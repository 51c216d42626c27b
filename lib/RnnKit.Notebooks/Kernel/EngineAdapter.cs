using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Formatting;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The kit's execution engine (<see cref="CSharpSession"/>, the one `rnnkit run` uses) as the kernel's
/// <see cref="IKernelEngine"/>: cells run with the kernel's sink, as the runner's cells run with its collector.
/// </summary>
internal sealed class EngineAdapter(SessionOptions? options = null) : IKernelEngine
{
    private readonly CSharpSession _session = new(options);

    public Task<CellResult> ExecuteAsync(string code, IOutputSink sink) => _session.ExecuteAsync(code, sink);

    public void Interrupt() => _session.Interrupt();

    /// <summary>
    /// The cell as the session's next submission: chained after the last cell that compiled (or after the
    /// session's own prelude, which imports the display functions, before the first), with the session's
    /// references and usings.
    /// </summary>
    public Compilation CompileForAnalysis(string code)
    {
        var previous = _session.State?.Script
                       ?? CSharpScript.Create($"using static {typeof(DisplayFunctions).FullName};", _session.ScriptOptions);
        return previous.ContinueWith(code, _session.ScriptOptions).GetCompilation();
    }

    public void Dispose() => _session.Dispose();
}
