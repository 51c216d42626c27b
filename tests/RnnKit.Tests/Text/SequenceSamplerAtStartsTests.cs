using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

public class SequenceSamplerAtStartsTests
{
    private static readonly int[] Corpus = Enumerable.Range(0, 40).ToArray();

    [Fact]
    public void Every_window_begins_at_a_given_start_and_Y_is_X_shifted()
    {
        int[] starts = [0, 5, 10, 15, 20, 25, 30, 33, 36];
        var batches = SequenceSampler.AtStarts(Corpus, starts, batch: 2, steps: 4, new Random(0)).ToList();
        // 36 cannot hold 4 steps plus a target (36..40), so 8 starts are usable: 4 minibatches.
        Assert.Equal(4, batches.Count);
        var seen = new List<int>();
        foreach (var b in batches)
            for (var r = 0; r < b.Batch; r++)
            {
                Assert.Contains(b.X[r, 0], starts);
                Assert.Equal(b.InputRow(r).Select(v => v + 1), b.TargetRow(r));
                Assert.Equal(Enumerable.Range(b.X[r, 0], 4), b.InputRow(r));
                seen.Add(b.X[r, 0]);
            }
        Assert.Equal(starts.Take(8), seen.Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_order_and_another_seed_another()
    {
        var starts = Enumerable.Range(0, 30).ToArray();
        int[] Firsts(int seed) => SequenceSampler.AtStarts(Corpus, starts, 1, 3, new Random(seed)).Select(b => b.X[0, 0]).ToArray();
        Assert.Equal(Firsts(4), Firsts(4));
        Assert.NotEqual(Firsts(4), Firsts(5));
    }

    [Fact]
    public void A_start_outside_the_corpus_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceSampler.AtStarts(Corpus, [3, 40], 1, 2, new Random(0)));
        Assert.Contains("start 1 is 40", e.Message);
    }
}
