using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

public class NGramModelTests
{
    private static readonly int[] Corpus = [0, 1, 2, 1, 2, 3, 1, 2, 0, 4, 1];

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 1.0)]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.1)]
    [InlineData(2, 0.0)]
    public void Every_context_distribution_sums_to_one(int order, double k)
    {
        var model = new NGramModel(order, vocabularySize: 5, k).Fit(Corpus);
        var contexts = order == 1 ? [[]] : Enumerable.Range(0, 5).Select(a => order == 2 ? new[] { a } : [a, 1]).ToArray();
        foreach (var context in contexts)
            Assert.Equal(1.0, model.Distribution(context).Sum(), 12);
    }

    [Fact]
    public void Laplace_smoothing_matches_the_formula()
    {
        var model = new NGramModel(2, vocabularySize: 5, k: 1).Fit(Corpus);
        // The bigram (1, 2) appears 3 times and 3 bigrams start with 1 (the last 1 ends the corpus): (3 + 1) / (3 + 1·5).
        Assert.Equal(3, model.Count(1, 2));
        Assert.Equal(4.0 / 8.0, model.Probability([1], 2), 12);
        // An unseen bigram still gets probability: (0 + 1) / (3 + 5).
        Assert.Equal(1.0 / 8.0, model.Probability([1], 4), 12);
    }

    [Fact]
    public void An_unseen_context_is_uniform_even_without_smoothing()
    {
        var model = new NGramModel(2, vocabularySize: 6, k: 0).Fit(Corpus);
        Assert.Equal(1.0, model.Probability([1], 2)); // maximum likelihood: 3 / 3
        Assert.Equal(1.0 / 6.0, model.Probability([5], 3), 12); // 5 never occurs
    }

    [Fact]
    public void A_uniform_model_has_perplexity_equal_to_the_vocabulary_size()
    {
        // No counts at all: add-k smoothing gives every token 1/V.
        var model = new NGramModel(2, vocabularySize: 7);
        Assert.Equal(7.0, model.Perplexity([0, 3, 6, 2, 2, 5]), 10);
        Assert.Equal(7.0, Perplexity.Of(Enumerable.Repeat(1.0 / 7, 20)), 10);
    }

    [Fact]
    public void Fitting_lowers_the_perplexity_of_the_training_text()
    {
        var fitted = new NGramModel(2, 5, k: 0.1).Fit(Corpus);
        Assert.True(fitted.Perplexity(Corpus) < 5.0);
    }

    [Fact]
    public void Tokens_outside_the_vocabulary_are_rejected_with_their_position()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NGramModel(2, 3).Fit([0, 1, 9]));
        Assert.Contains("token 9 at position 2", e.Message);
    }
}
