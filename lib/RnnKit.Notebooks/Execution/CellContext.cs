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

    public void Close()
    {
        lock (_gate)
            _closed = true;
    }
}
