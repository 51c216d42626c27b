namespace RnnKit.Text;

public static partial class SequenceSampler
{
    /// <summary>
    /// Windows that begin at chosen positions of the corpus, e.g. the first character of every line of a poem, so
    /// that the state a window starts from (zeros) always stands at the same kind of place. The windows may
    /// overlap; they are shuffled, and a minibatch takes batch of them.
    /// </summary>
    /// <param name="corpus">Token indices, length N.</param>
    /// <param name="starts">Positions where a window may begin; those without steps + 1 tokens after them are skipped.</param>
    /// <param name="batch">Rows per minibatch.</param>
    /// <param name="steps">Time steps per row.</param>
    /// <param name="random">Seeded source of the shuffle; the same seed gives the same minibatches.</param>
    /// <returns>⌊usable starts / batch⌋ minibatches of (batch, steps), Y = X shifted by one.</returns>
    public static IEnumerable<TokenBatch> AtStarts(IReadOnlyList<int> corpus, IReadOnlyList<int> starts, int batch, int steps, Random random)
    {
        Validate(corpus, batch, steps, random);
        ArgumentNullException.ThrowIfNull(starts);
        for (var i = 0; i < starts.Count; i++)
            if (starts[i] < 0 || starts[i] >= corpus.Count)
                throw new ArgumentOutOfRangeException(nameof(starts), $"start {i} is {starts[i]}, outside the corpus [0, {corpus.Count})");
        return AtStartsIterator(corpus, starts, batch, steps, random);
    }

    private static IEnumerable<TokenBatch> AtStartsIterator(IReadOnlyList<int> corpus, IReadOnlyList<int> starts, int batch, int steps, Random random)
    {
        // A window needs steps + 1 tokens: its targets reach one further.
        var usable = starts.Where(s => s + steps < corpus.Count).ToArray();
        Shuffle(usable, random);
        foreach (var window in WindowsFrom(corpus, usable, batch, steps))
            yield return window;
    }
}
