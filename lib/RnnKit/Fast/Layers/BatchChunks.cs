namespace RnnKit.Fast;

/// <summary>
/// The examples of a batch are independent through the whole recurrence, so each thread of the pass runs all T
/// steps for its own contiguous slice of the batch: no synchronisation per step, one <see cref="WorkerTeam"/> loop
/// per pass. Every row is computed exactly as one thread would compute it (a product's row does not depend on the
/// rows beside it), so the results do not depend on the number of slices.
/// </summary>
internal static class BatchChunks
{
    /// <summary>Fewer rows than this per thread and a second thread costs more than it saves, even when forced.</summary>
    public const int MinRowsPerChunk = 8;

    /// <summary>The blocks of <see cref="MinRowsPerChunk"/> rows a batch is cut into (the last may be shorter).</summary>
    public static int Blocks(int batch) => (batch + MinRowsPerChunk - 1) / MinRowsPerChunk;

    /// <summary>Runs <paramref name="body"/>(start, count) over slices of [0, batch), one per thread of the pass, each made of whole blocks.</summary>
    public static void Run(int batch, Action<int, int> body)
    {
        var chunks = Math.Clamp(batch / MinRowsPerChunk, 1, Parallelism.Degree);
        if (chunks == 1)
        {
            body(0, batch);
            return;
        }
        // Slices start at multiples of MinRowsPerChunk, so a block of that many rows is always one thread's.
        var size = Sgemm.RoundUp((batch + chunks - 1) / chunks, MinRowsPerChunk);
        WorkerTeam.Shared.Run(chunks, chunk =>
        {
            var start = chunk * size;
            var count = Math.Min(size, batch - start);
            if (count > 0) body(start, count);
        });
    }
}
