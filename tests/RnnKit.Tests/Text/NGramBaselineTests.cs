using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

public class NGramBaselineTests
{
    // A text where 0 is always followed by 1 and 1 by 2, while 2 is followed by 0 or 3: the bigram knows a lot.
    private static readonly int[] Train = [0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 0, 1, 2, 3, 4, 0, 1, 2];
    private static readonly int[] Test = [0, 1, 2, 3, 0, 1, 2, 0, 1, 2, 4];

    [Fact]
    public void The_search_tries_every_k_of_the_grid_in_order()
    {
        var search = NGramBaseline.Search(2, 5, Train, Test);
        Assert.Equal(NGramBaseline.SmoothingGrid, search.Select(b => b.K));
        Assert.All(search, b => Assert.Equal(2, b.Order));
    }

    [Fact]
    public void Each_perplexity_is_the_n_gram_models_own()
    {
        foreach (var b in NGramBaseline.Search(2, 5, Train, Test))
            Assert.Equal(new NGramModel(2, 5, b.K).Fit(Train).Perplexity(Test), b.Perplexity, 12);
    }

    [Fact]
    public void The_best_is_the_lowest_perplexity_of_the_search()
    {
        var best = NGramBaseline.Best(2, 5, Train, Test);
        Assert.Equal(NGramBaseline.Search(2, 5, Train, Test).Min(b => b.Perplexity), best.Perplexity);
    }

    [Fact]
    public void An_unseen_held_out_bigram_keeps_the_best_k_off_the_grids_end()
    {
        // The held-out bigram (2, 4) never occurs in training: k → 0 makes it nearly impossible and the perplexity
        // rises again, so the search settles inside the grid, and the bigram still beats the unigram here.
        var bigram = NGramBaseline.Best(2, 5, Train, Test);
        Assert.NotEqual(NGramBaseline.SmoothingGrid[^1], bigram.K);
        Assert.True(bigram.Perplexity < NGramBaseline.Best(1, 5, Train, Test).Perplexity);
    }

    [Fact]
    public void A_held_out_text_shorter_than_the_order_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => NGramBaseline.Best(3, 5, Train, [0, 1]));
        Assert.Contains("at least 3 tokens", e.Message);
    }
}
