namespace RnnKit.Notebooks.Kernel;

/// <summary>How the kernel serves (history, output limits). Specialise with <c>with { … }</c>.</summary>
public sealed record KernelOptions
{
    /// <summary>
    /// The SQLite file the input history is kept in across sessions (with each input's text/plain result); null:
    /// in memory only, for this process. <see cref="ForUser"/> puts it under Jupyter's data dir.
    /// </summary>
    public string? HistoryFile { get; init; }

    /// <summary>
    /// Most characters of output (stream text and display data) one cell publishes: past it the first and last
    /// half are kept and a line in the output says how much was cut between them. 32 Mi characters.
    /// </summary>
    public long OutputLimit { get; init; } = 32L * 1024 * 1024;

    /// <summary>How long printed text may wait to be sent with what is printed after it (ipykernel waits 0.2 s).</summary>
    public TimeSpan StreamFlushInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Printed text is sent once this many characters are waiting, whatever the interval.</summary>
    public int StreamFlushSize { get; init; } = 256 * 1024;

    /// <summary>The defaults, with the history in <c>JUPYTER_DATA_DIR/rnnkit/history.sqlite</c> (see <see cref="JupyterPaths"/>).</summary>
    public static KernelOptions ForUser() => new() { HistoryFile = Path.Combine(JupyterPaths.UserDataDir(), "rnnkit", "history.sqlite") };
}
