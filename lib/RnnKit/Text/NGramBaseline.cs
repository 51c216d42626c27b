namespace RnnKit.Text;

/// <summary>
/// The n-gram baseline the lessons compare their neural models with: an add-k <see cref="NGramModel"/> of one
/// order, its k chosen from <see cref="SmoothingGrid"/> by the held-out perplexity itself. Choosing k on the text it is
/// judged on flatters the n-gram, so a model that beats this baseline beats every k of the grid. Lessons 01, 02 and
/// 08 all quote <see cref="Best"/> on the same <see cref="PoemSplit"/>, so they quote the same numbers.
/// </summary>
/// <param name="Order">n: 1 for the unigram, 2 for the bigram, ….</param>
/// <param name="K">The add-k pseudo-count.</param>
/// <param name="Perplexity">Perplexity on the held-out tokens.</param>
public sealed record NGramBaseline(int Order, double K, double Perplexity)
{
    /// <summary>The k values searched: 1 down to 0.001 in steps of about √10.</summary>
    public static IReadOnlyList<double> SmoothingGrid { get; } = [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001];

    /// <summary>The order-<paramref name="order"/> model for every k of <see cref="SmoothingGrid"/>, in grid order.</summary>
    /// <param name="order">n ≥ 1.</param>
    /// <param name="vocabularySize">V: tokens are 0..V-1.</param>
    /// <param name="train">The tokens the counts come from.</param>
    /// <param name="test">The held-out tokens perplexity is measured on (at least n).</param>
    public static IReadOnlyList<NGramBaseline> Search(int order, int vocabularySize, IReadOnlyList<int> train, IReadOnlyList<int> test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        return [.. SmoothingGrid.Select(k =>
            new NGramBaseline(order, k, new NGramModel(order, vocabularySize, k).Fit(train).Perplexity(test)))];
    }

    /// <summary>The k of <see cref="SmoothingGrid"/> with the lowest held-out perplexity, and that perplexity.</summary>
    /// <inheritdoc cref="Search" path="/param"/>
    public static NGramBaseline Best(int order, int vocabularySize, IReadOnlyList<int> train, IReadOnlyList<int> test) =>
        Search(order, vocabularySize, train, test).MinBy(b => b.Perplexity)!;

    public override string ToString() => $"{Order}-gram, k = {K:G3}: perplexity {Perplexity:F1}";
}
