namespace RnnKit.Fast;

/// <summary>
/// The fast layer's two ways of splitting the small work between its matrix products (the softmax, the bias sums,
/// Adam, the embedding) over the threads of the pass, so that no part of a training step runs on one core while the
/// others wait.
/// </summary>
internal static class Parts
{
    /// <summary>
    /// Runs <paramref name="body"/>(start, count) over contiguous ranges of [0, <paramref name="length"/>), one per
    /// thread of the pass, each at least <paramref name="grain"/> long and starting at a multiple of
    /// <paramref name="align"/>. Only for work whose every element comes out the same whatever the ranges are
    /// (element-wise updates, sums along the other axis): the ranges depend on the thread count.
    /// </summary>
    public static void For(int length, int grain, int align, Action<int, int> body)
    {
        var parts = (int)Math.Clamp((long)length / Math.Max(1, grain), 1, Parallelism.Degree);
        if (parts == 1)
        {
            if (length > 0) body(0, length);
            return;
        }
        var size = Sgemm.RoundUp((length + parts - 1) / parts, Math.Max(1, align));
        WorkerTeam.Shared.Run(parts, part =>
        {
            var start = part * size;
            var count = Math.Min(size, length - start);
            if (count > 0) body(start, count);
        });
    }

    /// <summary>
    /// Σ of <paramref name="chunk"/>(start, count) over [0, <paramref name="length"/>) cut into chunks of
    /// <paramref name="chunkLength"/>: the chunks are fixed by the length, not by the threads, and their sums are
    /// added in order, so the total is the same on any number of threads. Each thread gets at least
    /// <paramref name="minChunksPerThread"/> chunks.
    /// </summary>
    public static double Sum(int length, int chunkLength, int minChunksPerThread, Func<int, int, double> chunk)
    {
        var chunks = (length + chunkLength - 1) / chunkLength;
        if (chunks <= 1) return length > 0 ? chunk(0, length) : 0;
        var sums = new double[chunks];
        For(chunks, minChunksPerThread, align: 1, (first, count) =>
        {
            for (var c = first; c < first + count; c++)
            {
                var start = c * chunkLength;
                sums[c] = chunk(start, Math.Min(chunkLength, length - start));
            }
        });
        double total = 0;
        foreach (var s in sums) total += s;
        return total;
    }
}
