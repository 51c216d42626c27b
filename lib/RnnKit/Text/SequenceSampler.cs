namespace RnnKit.Text;

/// <summary>
/// The two ways d2l cuts one long corpus into (batch, steps) minibatches for a language model. Both first drop a
/// random number (0..steps−1) of leading tokens, so different epochs see different cuts.
/// <list type="bullet">
/// <item><see cref="Random"/>: the corpus is cut into subsequences of length steps, shuffled; a minibatch takes
/// batch of them. Neighbouring minibatches are not adjacent in the corpus, so the hidden state is reset for each.</item>
/// <item><see cref="Sequential"/>: the corpus is split into batch parallel streams; minibatch i+1 row b continues
/// minibatch i row b exactly, so the hidden state can be carried over (detached) between minibatches.</item>
/// </list>
/// Tokens that do not fill a whole minibatch are dropped.
/// </summary>
public static partial class SequenceSampler
{
    /// <summary>Random sampling: shuffled, non-overlapping subsequences.</summary>
    /// <param name="corpus">Token indices, length N.</param>
    /// <param name="batch">Rows per minibatch.</param>
    /// <param name="steps">Time steps per row.</param>
    /// <param name="random">Seeded source of the offset (and the shuffle); the same seed gives the same minibatches.</param>
    /// <returns>⌊((N − offset − 1) / steps) / batch⌋ minibatches of (batch, steps).</returns>
    public static IEnumerable<TokenBatch> Random(IReadOnlyList<int> corpus, int batch, int steps, Random random)
    {
        Validate(corpus, batch, steps, random);
        return RandomIterator(corpus, batch, steps, random);
    }

    /// <summary>Sequential partitioning: row b of consecutive minibatches are consecutive pieces of one stream.</summary>
    /// <param name="corpus">Token indices, length N.</param>
    /// <param name="batch">Rows per minibatch.</param>
    /// <param name="steps">Time steps per row.</param>
    /// <param name="random">Seeded source of the offset (and the shuffle); the same seed gives the same minibatches.</param>
    /// <returns>⌊(⌊(N − offset − 1) / batch⌋) / steps⌋ minibatches of (batch, steps).</returns>
    public static IEnumerable<TokenBatch> Sequential(IReadOnlyList<int> corpus, int batch, int steps, Random random)
    {
        Validate(corpus, batch, steps, random);
        return SequentialIterator(corpus, batch, steps, random);
    }

    private static IEnumerable<TokenBatch> RandomIterator(IReadOnlyList<int> corpus, int batch, int steps, Random random)
    {
        var offset = random.Next(steps);
        // Each subsequence needs steps + 1 tokens (its targets reach one further), hence the − 1.
        var subsequences = (corpus.Count - offset - 1) / steps;
        var starts = new int[subsequences];
        for (var i = 0; i < subsequences; i++)
            starts[i] = offset + i * steps;
        Shuffle(starts, random);
        foreach (var window in WindowsFrom(corpus, starts, batch, steps))
            yield return window;
    }

    /// <summary>Minibatches of the windows beginning at <paramref name="starts"/>, batch at a time, in that order.</summary>
    private static IEnumerable<TokenBatch> WindowsFrom(IReadOnlyList<int> corpus, int[] starts, int batch, int steps)
    {
        for (var first = 0; first + batch <= starts.Length; first += batch)
        {
            var x = new int[batch, steps];
            var y = new int[batch, steps];
            for (var b = 0; b < batch; b++)
                for (var t = 0; t < steps; t++)
                {
                    x[b, t] = corpus[starts[first + b] + t];
                    y[b, t] = corpus[starts[first + b] + t + 1];
                }
            yield return new TokenBatch(x, y);
        }
    }

    private static IEnumerable<TokenBatch> SequentialIterator(IReadOnlyList<int> corpus, int batch, int steps, Random random)
    {
        var offset = random.Next(steps);
        var streamLength = (corpus.Count - offset - 1) / batch;
        for (var start = 0; start + steps <= streamLength; start += steps)
        {
            var x = new int[batch, steps];
            var y = new int[batch, steps];
            for (var b = 0; b < batch; b++)
                for (var t = 0; t < steps; t++)
                {
                    var position = offset + b * streamLength + start + t;
                    x[b, t] = corpus[position];
                    y[b, t] = corpus[position + 1];
                }
            yield return new TokenBatch(x, y);
        }
    }

    /// <summary>Fisher–Yates, written out so the order depends only on the seeded <see cref="System.Random"/>.</summary>
    internal static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static void Validate(IReadOnlyList<int> corpus, int batch, int steps, Random random)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
    }
}
