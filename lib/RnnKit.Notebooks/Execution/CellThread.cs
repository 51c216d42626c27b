namespace RnnKit.Notebooks.Execution;

/// <summary>
/// Runs the start of a cell (everything up to its first unfinished <c>await</c>, which for most cells is all of it) on
/// a thread of its own, so that stopping the cell can wake it from <c>Thread.Sleep</c>, <c>Wait</c> or <c>Join</c>
/// with <see cref="Thread.Interrupt"/>. That is never done to a pool thread, which would carry the interrupt into
/// other work. Code after an await runs on the pool as usual and stops at the engine's interruption checks.
/// </summary>
internal sealed class CellThread
{
    private volatile Thread? _inStart;

    private CellThread()
    {
    }

    /// <summary>Calls <paramref name="start"/> on a new background thread; the task is the one it returns.</summary>
    public static (CellThread Thread, Task<T> Run) Start<T>(Func<Task<T>> start)
    {
        var cell = new CellThread();
        var started = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                started.SetResult(start());
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
            finally
            {
                // Nothing here blocks, so an interrupt that arrives from now on dies with the thread.
                cell._inStart = null;
            }
        })
        {
            IsBackground = true,
            Name = "rnnkit-cell",
        };
        cell._inStart = thread;
        thread.Start();
        return (cell, started.Task.Unwrap());
    }

    /// <summary>Whether the cell is still in its start on its own thread (not yet suspended at an await).</summary>
    public bool InStart => _inStart is not null;

    /// <summary>Wakes the cell's thread from a sleep or wait with <see cref="ThreadInterruptedException"/>; thread-safe.</summary>
    public void Interrupt() => _inStart?.Interrupt();
}
