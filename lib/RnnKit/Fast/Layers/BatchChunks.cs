namespace RnnKit.Fast;

/// <summary>
/// The examples of a batch are independent through the whole recurrence, so each core runs all T steps for its
/// own slice of the batch: no synchronisation per step, one <see cref="Parallel.For(int, int, Action{int})"/> per pass.
/// </summary>
internal static class BatchChunks
{
    /// <summary>Fewer rows than this per core and a second thread costs more than it saves.</summary>
    public const int MinRowsPerChunk = 8;

    /// <summary>Runs <paramref name="body"/>(start, count) over slices of [0, batch), in parallel when it pays.</summary>
    public static void Run(int batch, Action<int, int> body)
    {
        var chunks = Math.Clamp(batch / MinRowsPerChunk, 1, Parallelism.MaxDegree);
        if (chunks == 1)
        {
            body(0, batch);
            return;
        }
        var size = (batch + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, chunk =>
        {
            var start = chunk * size;
            var count = Math.Min(size, batch - start);
            if (count > 0) body(start, count);
        });
    }
}
