namespace RnnKit.Tests.Seq2Seq;

/// <summary>
/// The toy translation task of the attention lesson: output the source symbols in reverse order.
/// Symbols are ids 0 … Symbols−1 in both vocabularies; the target vocabulary adds End and Start.
/// </summary>
public sealed class ReverseTask(int symbols, int length, int seed)
{
    private readonly Random _random = new(seed);

    public int Symbols { get; } = symbols;

    public int Length { get; } = length;

    public int End => Symbols;

    public int Start => Symbols + 1;

    public Seq2SeqConfig Config(ScoreKind? attention = ScoreKind.Additive) => new(
        SourceVocab: Symbols, TargetVocab: Symbols + 2, StartToken: Start, EndToken: End,
        EmbeddingSize: 8, EncoderSize: 16, DecoderSize: 16, Cell: CellKind.Gru, Bidirectional: true,
        Attention: attention, AttentionSize: 16, Seed: 1);

    /// <summary>A random batch, time-major: source [Length][batch] and its reversal.</summary>
    public (int[][] Source, int[][] Target) Batch(int batch)
    {
        var examples = Enumerable.Range(0, batch).Select(_ => Sample()).ToArray();
        var source = Enumerable.Range(0, Length).Select(t => examples.Select(e => e[t]).ToArray()).ToArray();
        var target = Enumerable.Range(0, Length).Select(t => examples.Select(e => e[Length - 1 - t]).ToArray()).ToArray();
        return (source, target);
    }

    public int[] Sample() => Enumerable.Range(0, Length).Select(_ => _random.Next(Symbols)).ToArray();

    /// <summary>Every source sequence of the task (Symbols^Length of them).</summary>
    public IEnumerable<int[]> All()
    {
        var total = (int)Math.Pow(Symbols, Length);
        for (var n = 0; n < total; n++)
        {
            var sequence = new int[Length];
            var rest = n;
            for (var t = 0; t < Length; t++, rest /= Symbols)
                sequence[t] = rest % Symbols;
            yield return sequence;
        }
    }
}
