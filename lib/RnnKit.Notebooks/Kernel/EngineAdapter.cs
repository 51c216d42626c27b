using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The kit's execution engine (<see cref="CSharpSession"/>, the one `rnnkit run` uses) as the kernel's
/// <see cref="IKernelEngine"/>: outputs are forwarded as they happen, the cell's result and error are kept for the
/// execute_reply.
/// </summary>
internal sealed class EngineAdapter(SessionOptions? options = null) : IKernelEngine
{
    private readonly CSharpSession _session = new(options);

    public async Task<CellOutcome> ExecuteAsync(string code, IKernelOutputSink sink)
    {
        var forward = new ForwardingSink(sink);
        await _session.ExecuteAsync(code, forward);
        return forward.Error is { } error ? CellOutcome.Failed(error) : CellOutcome.Ok(forward.Result);
    }

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

    /// <summary>Streams and displays go straight through; the result and the error are held for the reply.</summary>
    private sealed class ForwardingSink(IKernelOutputSink sink) : IOutputSink
    {
        public DisplayOutput? Result { get; private set; }

        public ErrorOutput? Error { get; private set; }

        public void Add(Output output)
        {
            switch (output)
            {
                case StreamOutput s: sink.Stream(s.Name, s.Text); break;
                case DisplayOutput { IsResult: true } result: Result = result; break;
                case DisplayOutput display: sink.Display(display); break;
                case ErrorOutput error: Error = error; break;
            }
        }

        public void Update(DisplayOutput output) => sink.UpdateDisplay(output);
    }
}
