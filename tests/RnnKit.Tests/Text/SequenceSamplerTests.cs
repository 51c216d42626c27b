using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

public class SequenceSamplerTests
{
    private static readonly int[] Corpus = Enumerable.Range(0, 35).ToArray();

    [Fact]
    public void Random_sampling_gives_batch_by_steps_with_Y_shifted_by_one()
    {
        var batches = SequenceSampler.Random(Corpus, batch: 2, steps: 5, new Random(0)).ToList();
        Assert.NotEmpty(batches);
        var seen = new HashSet<int>();
        foreach (var b in batches)
        {
            Assert.Equal((2, 5), (b.X.GetLength(0), b.X.GetLength(1)));
            Assert.Equal((2, 5), (b.Y.GetLength(0), b.Y.GetLength(1)));
            for (var r = 0; r < 2; r++)
            {
                for (var t = 0; t < 5; t++)
                    Assert.Equal(b.X[r, t] + 1, b.Y[r, t]); // corpus is 0,1,2,… so the next token is +1
                Assert.True(seen.Add(b.X[r, 0]), "subsequences must not repeat");
            }
        }
    }

    [Fact]
    public void Sequential_minibatches_continue_each_row()
    {
        var batches = SequenceSampler.Sequential(Corpus, batch: 2, steps: 5, new Random(1)).ToList();
        Assert.True(batches.Count >= 2);
        for (var i = 0; i < batches.Count; i++)
        {
            Assert.Equal((2, 5), (batches[i].Batch, batches[i].Steps));
            for (var r = 0; r < 2; r++)
            {
                Assert.Equal(batches[i].InputRow(r).Skip(1), batches[i].TargetRow(r).SkipLast(1));
                Assert.Equal(batches[i].X[r, 4] + 1, batches[i].Y[r, 4]);
                if (i > 0)
                    Assert.Equal(batches[i - 1].X[r, 4] + 1, batches[i].X[r, 0]);
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_minibatches()
    {
        var a = SequenceSampler.Random(Corpus, 3, 4, new Random(42)).Select(b => b.InputRow(0)[0]).ToArray();
        var b = SequenceSampler.Random(Corpus, 3, 4, new Random(42)).Select(b => b.InputRow(0)[0]).ToArray();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Too_short_a_corpus_gives_no_minibatch()
    {
        Assert.Empty(SequenceSampler.Random([1, 2, 3], 2, 5, new Random(0)));
        Assert.Empty(SequenceSampler.Sequential([1, 2, 3], 2, 5, new Random(0)));
    }
}
