using MathNet.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace RnnKit.Fast;

/// <summary>
/// A snapshot of the process-wide numeric settings a lesson may change — MathNet's linear-algebra provider and
/// threading, the fast layer's <see cref="Parallelism.MaxDegree"/> and <see cref="Parallelism.Threads"/>. The notebook engine captures one when a session
/// starts and restores it when the session ends, so one notebook's choices (lesson 09 routes MathNet's products to
/// the kit's AVX2 kernel and runs single-threaded) never reach the next notebook run in the same process; which
/// settings there are is the library's business, not the engine's.
/// </summary>
public sealed record NumericSettings(
    ILinearAlgebraProvider Provider, int MathNetThreads, TaskScheduler Scheduler, bool ThreadSafeRandoms, int FastThreads, int? FastForcedThreads = null)
{
    public static NumericSettings Capture() => new(
        LinearAlgebraControl.Provider, Control.MaxDegreeOfParallelism, Control.TaskScheduler, Control.ThreadSafeRandomNumberGenerators, Parallelism.MaxDegree,
        Parallelism.Threads);

    public void Restore()
    {
        LinearAlgebraControl.Provider = Provider;
        Control.MaxDegreeOfParallelism = MathNetThreads;
        Control.TaskScheduler = Scheduler;
        Control.ThreadSafeRandomNumberGenerators = ThreadSafeRandoms;
        Parallelism.MaxDegree = FastThreads;
        Parallelism.Threads = FastForcedThreads;
    }
}
