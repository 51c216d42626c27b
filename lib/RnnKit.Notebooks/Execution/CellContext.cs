using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// The cell that is running on this logical thread of control: an <see cref="AsyncLocal{T}"/>, so tasks and threads
/// started by a cell keep writing into that cell. Holds the sink (serialising calls to it), the cell's cancellation
/// token and the display-id counter of the session. Once <see cref="Close"/>d (the cell was abandoned after a
/// timeout or interrupt) its late outputs are dropped.
/// </summary>
internal sealed class CellContext(IOutputSink sink, CancellationToken token, Func<string> newDisplayId) : IDisplayTarget
{
    private readonly Lock _gate = new();
    private volatile bool _closed;

    /// <summary>The running cell: the one <see cref="AsyncLocal{T}"/> is <see cref="DisplayContext"/>'s, whose target
    /// the cell context is.</summary>
    public static CellContext? Current
    {
        get => DisplayContext.Current as CellContext;
        set => DisplayContext.Current = value;
    }

    public CancellationToken Token { get; } = token;

    public string NewDisplayId() => newDisplayId();

    public void Emit(Output output)
    {
        lock (_gate)
            if (!_closed) sink.Add(output);
    }

    public void Update(DisplayOutput output)
    {
        lock (_gate)
            if (!_closed) sink.Update(output);
    }

    /// <summary>
    /// A line of input for <c>Console.ReadLine()</c>: asked through the sink when it is an <see cref="IInputSource"/>.
    /// Not under the output lock, so the cell's other threads keep writing while it waits.
    /// </summary>
    /// <exception cref="InvalidOperationException">Nothing here can answer input (rnnkit run, build, grade).</exception>
    public string ReadLine() => sink is IInputSource input
        ? input.ReadLine(Token)
        : throw new InvalidOperationException(
            "this cell reads input (Console.ReadLine / Console.In), but nothing can answer it here: notebooks run by " +
            "rnnkit run, build or grade get no input; give the value in the code instead");

    public void Close()
    {
        lock (_gate)
            _closed = true;
    }
}
