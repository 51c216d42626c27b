using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>A cache lends its buffers to the next forward pass; the lending is visible and a stale cache is refused.</summary>
public class FastRecurrentCacheTests
{
    private const int Steps = 3, Batch = 2, Input = 4, Hidden = 5;

    [Fact]
    public void Reuse_overwrites_the_same_buffers_and_makes_the_old_cache_stale()
    {
        var layer = new FastLstm(Input, Hidden, seed: 1);
        var random = new Random(2);
        var first = layer.Forward(FastAssert.Random(random, Steps * Batch * Input), Steps, Batch);
        var second = layer.Forward(FastAssert.Random(random, Steps * Batch * Input), Steps, Batch, reuse: first);

        Assert.Same(first.H, second.H);
        Assert.Same(first.C, second.C);
        Assert.False(first.IsCurrent);
        Assert.True(second.IsCurrent);
        var e = Assert.Throws<InvalidOperationException>(() => layer.Backward(first, new float[Steps * Batch * Hidden], Span<float>.Empty));
        Assert.Contains("reused", e.Message);
        layer.Backward(second, new float[Steps * Batch * Hidden], Span<float>.Empty);
    }

    [Fact]
    public void A_cache_of_another_size_is_not_reused()
    {
        var layer = new FastGru(Input, Hidden, seed: 1);
        var random = new Random(3);
        var first = layer.Forward(FastAssert.Random(random, Steps * Batch * Input), Steps, Batch);
        var longer = layer.Forward(FastAssert.Random(random, (Steps + 1) * Batch * Input), Steps + 1, Batch, reuse: first);

        Assert.NotSame(first.H, longer.H);
        Assert.True(first.IsCurrent);
    }

    [Fact]
    public void A_layer_refuses_the_cache_of_another_cell()
    {
        IFastRecurrentLayer lstm = new FastLstm(Input, Hidden), gru = new FastGru(Input, Hidden);
        var cache = gru.Forward(new float[Steps * Batch * Input], Steps, Batch);
        var e = Assert.Throws<ArgumentException>(() => lstm.Backward(cache, new float[Steps * Batch * Hidden], Span<float>.Empty));
        Assert.Contains("FastLstmCache", e.Message);
        Assert.Contains("FastGruCache", e.Message);
    }
}
