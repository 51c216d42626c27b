namespace RnnKit.Fast;

/// <summary>
/// How many threads the fast layer uses. By default each model chooses from its size (<see cref="Automatic"/>): one
/// thread for small models, where a second costs more than it saves, more where the work per step pays for them.
/// <see cref="Threads"/> forces a count (benchmarks), <see cref="MaxDegree"/> caps it. The results do not depend on
/// the count: the work is split into parts whose results are each computed as one thread would, in a fixed order.
/// </summary>
public static partial class Parallelism
{
    /// <summary>At most this many threads work on one operation; 1 makes everything single-threaded.</summary>
    /// <remarks>Default: every core.</remarks>
    public static int MaxDegree
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), $"MaxDegree must be at least 1, got {value}");
    } = Environment.ProcessorCount;

    /// <summary>Exactly this many threads for every model, whatever its size (benchmarks' <c>--threads</c>); null, the
    /// default, lets each model choose (<see cref="Automatic"/>, capped by <see cref="MaxDegree"/>).</summary>
    public static int? Threads
    {
        get;
        set => field = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), $"Threads must be at least 1, got {value}");
    }

    /// <summary>The threads of the operation running on this thread: the model's choice inside a model's pass, else
    /// <see cref="Threads"/>, else <see cref="MaxDegree"/> up to the cores.</summary>
    internal static int Degree => t_degree > 0 ? t_degree : Threads ?? Math.Min(MaxDegree, Environment.ProcessorCount);

    [ThreadStatic] private static int t_degree;
}
