using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// The cell that is running on this logical thread of control: an <see cref="AsyncLocal{T}"/>, so tasks and threads
/// started by a cell keep writing into that cell. Holds the sink (serialising calls to it), the cell's cancellation
/// token and the display-id counter of the session. Once <see cref="Close"/>d (the cell was abandoned after a
/// timeout or interrupt) its late outputs are dropped.
/// </summary>
internal sealed class CellContext(IOutputSink sink, CancellationToken token, Func<string> newDisplayId)
{
    private static readonly AsyncLocal<CellContext?> s_current = new();
    private readonly Lock _gate = new();
    private volatile bool _closed;

    public static CellContext? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
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
