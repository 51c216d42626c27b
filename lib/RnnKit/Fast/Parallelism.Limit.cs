namespace RnnKit.Fast;

public static partial class Parallelism
{
    /// <summary>
    /// Lowers <see cref="MaxDegree"/> to <paramref name="maxDegree"/> until the returned scope is disposed, then puts
    /// the previous value back — for small models, where one thread beats two (a second thread's start-up costs more
    /// than it saves), without changing the setting for whatever runs next in the same process.
    /// </summary>
    /// <example><code>
    /// using (Parallelism.Limit(1))
    /// {
    ///     // train a 16-unit LSTM here
    /// }
    /// </code></example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegree"/> is below 1.</exception>
    public static IDisposable Limit(int maxDegree)
    {
        var previous = MaxDegree;
        MaxDegree = maxDegree;
        return new Restore(previous);
    }

    private sealed class Restore(int previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            MaxDegree = previous;
        }
    }
}
