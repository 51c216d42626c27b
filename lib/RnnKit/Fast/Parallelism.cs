namespace RnnKit.Fast;

/// <summary>How many cores the fast layer may use (matrix products, batch chunks of a recurrence).</summary>
public static partial class Parallelism
{
    /// <summary>At most this many threads work on one operation; 1 makes everything single-threaded.</summary>
    /// <remarks>Default: every core. Benchmarks set it from a command-line option.</remarks>
    public static int MaxDegree
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), $"MaxDegree must be at least 1, got {value}");
    } = Environment.ProcessorCount;
}
