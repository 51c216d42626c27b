using System.Runtime.CompilerServices;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// The check the engine inserts at the top of every loop body and method/lambda body of notebook code (see
/// <see cref="LoopInstrumenter"/>): .NET cannot abort a thread, so a cell stuck in <c>while (true) { }</c> stops by
/// throwing <see cref="OperationCanceledException"/> at its next iteration once its cell is interrupted or times out.
/// Costs one static read while nothing is being cancelled.
/// </summary>
public static class Interruption
{
    /// <summary>How many cancelled cells may still be running; the fast path of <see cref="Check"/> reads only this.</summary>
    private static int s_cancelledCells;

    /// <summary>Throws if the cell running this code was interrupted or timed out. Called by instrumented code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check()
    {
        if (Volatile.Read(ref s_cancelledCells) != 0)
            CheckCurrentCell();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckCurrentCell() => CellContext.Current?.Token.ThrowIfCancellationRequested();

    /// <summary>Marks one cancelled cell as possibly still running until <paramref name="run"/> ends.</summary>
    internal static void Track(Task run)
    {
        Interlocked.Increment(ref s_cancelledCells);
        run.ContinueWith(t =>
        {
            _ = t.Exception;
            Interlocked.Decrement(ref s_cancelledCells);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
