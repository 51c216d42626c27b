using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

public class PartsTests
{
    [Theory]
    [InlineData(1000, 10, 16, 1)]
    [InlineData(1000, 10, 16, 3)]
    [InlineData(7, 10, 1, 4)]
    [InlineData(0, 1, 1, 2)]
    public void For_covers_every_index_once_in_aligned_ranges(int length, int grain, int align, int threads)
    {
        var seen = new int[length];
        var starts = new List<int>();
        WithThreads(threads, () => Parts.For(length, grain, align, (start, count) =>
        {
            lock (starts) starts.Add(start);
            for (var i = start; i < start + count; i++) Interlocked.Increment(ref seen[i]);
        }));
        Assert.All(seen, s => Assert.Equal(1, s));
        Assert.All(starts, s => Assert.Equal(0, s % align));
        Assert.True(starts.Count <= Math.Max(1, length / grain), $"{starts.Count} ranges for {length} values with grain {grain}");
    }

    [Fact]
    public void Sum_adds_fixed_chunks_in_order_whatever_the_threads()
    {
        // values whose float sum depends on the order: the total must not change with the thread count
        var random = new Random(3);
        var values = Enumerable.Range(0, 10_000).Select(_ => Math.Exp(random.NextDouble() * 40 - 20)).ToArray();
        double SumWith(int threads) => WithThreads(threads, () => Parts.Sum(values.Length, 64, 2, (start, count) =>
        {
            double s = 0;
            for (var i = start; i < start + count; i++) s += values[i];
            return s;
        }));
        var one = SumWith(1);
        Assert.Equal(one, SumWith(2));
        Assert.Equal(one, SumWith(3));
        Assert.Equal(values.Sum(), one, 1e-9 * values.Sum());
    }

    private static void WithThreads(int threads, Action run) => FastAssert.WithThreads(threads, () => { run(); return 0; });

    private static T WithThreads<T>(int threads, Func<T> run) => FastAssert.WithThreads(threads, run);
}
