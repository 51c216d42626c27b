namespace RnnKit.Text;

/// <summary>
/// An n-gram language model over token indices 0..V-1 with add-k smoothing (k = 1 is Laplace smoothing):
/// <code>P(w | c) = (count(c, w) + k) / (count(c) + k·V)</code>
/// where c is the n−1 tokens before w and count(c) is the number of n-grams that start with c, so for every
/// context the probabilities of the V possible next tokens sum to exactly 1. A context never seen gets the
/// uniform distribution 1/V (the limit of the formula, also used when k = 0).
/// </summary>
public sealed class NGramModel
{
    private readonly Dictionary<int[], int> _ngramCounts = new(SequenceComparer.Instance);
    private readonly Dictionary<int[], int> _contextCounts = new(SequenceComparer.Instance);

    /// <param name="order">n: 1 for unigrams, 2 for bigrams, ….</param>
    /// <param name="vocabularySize">V: tokens are 0..V-1.</param>
    /// <param name="k">The pseudo-count added to every n-gram; 0 gives maximum-likelihood estimates.</param>
    public NGramModel(int order, int vocabularySize, double k = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 1);
        if (!(k >= 0) || double.IsInfinity(k))
            throw new ArgumentOutOfRangeException(nameof(k), $"k must be a finite number ≥ 0, got {k}");
        Order = order;
        VocabularySize = vocabularySize;
        K = k;
    }

    public int Order { get; }
    public int VocabularySize { get; }
    public double K { get; }

    /// <summary>Number of n-grams counted so far.</summary>
    public long Total { get; private set; }

    /// <summary>Counts every n-gram of <paramref name="tokens"/> (a sequence shorter than n adds nothing).</summary>
    public NGramModel Fit(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = 0; i < tokens.Count; i++)
            if ((uint)tokens[i] >= (uint)VocabularySize)
                throw new ArgumentOutOfRangeException(nameof(tokens), $"token {tokens[i]} at position {i} is outside 0..{VocabularySize - 1}");
        for (var start = 0; start + Order <= tokens.Count; start++)
        {
            var ngram = new int[Order];
            for (var j = 0; j < Order; j++)
                ngram[j] = tokens[start + j];
            Increment(_ngramCounts, ngram);
            Increment(_contextCounts, ngram[..^1]);
            Total++;
        }
        return this;
    }

    /// <summary>How many times the n-gram <paramref name="ngram"/> (length n) was seen.</summary>
    public int Count(params int[] ngram)
    {
        RequireLength(ngram, Order, "n-gram");
        return _ngramCounts.GetValueOrDefault(ngram);
    }

    /// <summary>P(<paramref name="next"/> | <paramref name="context"/>); the context has n−1 tokens.</summary>
    public double Probability(ReadOnlySpan<int> context, int next)
    {
        RequireLength(context, Order - 1, "context");
        if ((uint)next >= (uint)VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(next), $"token {next} is outside 0..{VocabularySize - 1}");
        var key = context.ToArray();
        var contextCount = _contextCounts.GetValueOrDefault(key);
        var denominator = contextCount + K * VocabularySize;
        if (denominator == 0)
            return 1.0 / VocabularySize;
        return (_ngramCounts.GetValueOrDefault([.. key, next]) + K) / denominator;
    }

    /// <summary>The whole next-token distribution after <paramref name="context"/>: V probabilities summing to 1.</summary>
    public double[] Distribution(ReadOnlySpan<int> context)
    {
        var p = new double[VocabularySize];
        for (var w = 0; w < VocabularySize; w++)
            p[w] = Probability(context, w);
        return p;
    }

    /// <summary>
    /// exp of the mean negative log-probability of every token of <paramref name="tokens"/> from position n−1 on,
    /// each given the n−1 tokens before it. A uniform model has perplexity V.
    /// </summary>
    public double Perplexity(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count < Order)
            throw new ArgumentException($"perplexity needs at least {Order} tokens for an order-{Order} model, got {tokens.Count}", nameof(tokens));
        var probabilities = new List<double>(tokens.Count);
        var window = tokens.ToArray();
        for (var i = Order - 1; i < window.Length; i++)
            probabilities.Add(Probability(window.AsSpan(i - (Order - 1), Order - 1), window[i]));
        return Text.Perplexity.Of(probabilities);
    }

    private static void Increment(Dictionary<int[], int> counts, int[] key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void RequireLength(ReadOnlySpan<int> tokens, int length, string what)
    {
        if (tokens.Length != length)
            throw new ArgumentException($"{what} must have {length} tokens, got {tokens.Length}");
    }

    /// <summary>Compares token sequences by content, so n-grams can be dictionary keys.</summary>
    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] tokens)
        {
            var hash = new HashCode();
            foreach (var t in tokens)
                hash.Add(t);
            return hash.ToHashCode();
        }
    }
}
