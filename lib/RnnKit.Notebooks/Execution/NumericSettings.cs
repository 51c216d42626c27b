using MathNet.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;
using RnnKit.Fast;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// The process-wide numeric settings a lesson may change — MathNet's linear-algebra provider and threading, the
/// fast layer's <see cref="Parallelism.MaxDegree"/> — captured when a session starts and put back when it ends, so
/// one notebook's choices (lesson 09 routes MathNet's products to the kit's AVX2 kernel and runs single-threaded)
/// never reach the next notebook run in the same process (`rnnkit build`, the test suite).
/// </summary>
internal sealed record NumericSettings(
    ILinearAlgebraProvider Provider, int MathNetThreads, TaskScheduler Scheduler, bool ThreadSafeRandoms, int FastThreads)
{
    public static NumericSettings Capture() => new(
        LinearAlgebraControl.Provider, Control.MaxDegreeOfParallelism, Control.TaskScheduler, Control.ThreadSafeRandomNumberGenerators, Parallelism.MaxDegree);

    public void Restore()
    {
        LinearAlgebraControl.Provider = Provider;
        Control.MaxDegreeOfParallelism = MathNetThreads;
        Control.TaskScheduler = Scheduler;
        Control.ThreadSafeRandomNumberGenerators = ThreadSafeRandoms;
        Parallelism.MaxDegree = FastThreads;
    }
}
