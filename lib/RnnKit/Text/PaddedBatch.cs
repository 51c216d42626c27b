namespace RnnKit.Text;

/// <summary>
/// Sequences of different lengths made rectangular. <see cref="Tokens"/> is (batch, length): row b holds sequence b
/// cut or padded to length; <see cref="Mask"/>[b, t] is true where Tokens[b, t] is real (t &lt; ValidLengths[b]) and
/// false on padding; <see cref="ValidLengths"/>[b] = min(original length, length).
/// </summary>
public sealed record PaddedBatch(int[,] Tokens, bool[,] Mask, int[] ValidLengths)
{
    public int Batch => Tokens.GetLength(0);
    public int Length => Tokens.GetLength(1);

    /// <summary>The mask as 1.0 / 0.0, (batch, length), to multiply a per-token loss with.</summary>
    public double[,] MaskWeights()
    {
        var w = new double[Batch, Length];
        for (var b = 0; b < Batch; b++)
            for (var t = 0; t < Length; t++)
                w[b, t] = Mask[b, t] ? 1.0 : 0.0;
        return w;
    }
}

/// <summary>Padding and truncation of token sequences (d2l's <c>truncate_pad</c> plus the mask and valid lengths).</summary>
public static class Padding
{
    /// <summary>Pads every sequence with <paramref name="padIndex"/> (or cuts it) to <paramref name="length"/>.</summary>
    /// <param name="sequences">Token indices, one list per example, of any lengths.</param>
    /// <param name="padIndex">The index written into padding positions.</param>
    /// <param name="length">Row length; by default the longest sequence's length.</param>
    public static PaddedBatch Pad(IReadOnlyList<IReadOnlyList<int>> sequences, int padIndex, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var steps = length ?? (sequences.Count == 0 ? 0 : sequences.Max(s => s.Count));
        ArgumentOutOfRangeException.ThrowIfNegative(steps, nameof(length));
        var tokens = new int[sequences.Count, steps];
        var mask = new bool[sequences.Count, steps];
        var valid = new int[sequences.Count];
        for (var b = 0; b < sequences.Count; b++)
        {
            var s = sequences[b] ?? throw new ArgumentNullException(nameof(sequences), $"sequence {b} is null");
            valid[b] = Math.Min(s.Count, steps);
            for (var t = 0; t < steps; t++)
            {
                var real = t < valid[b];
                tokens[b, t] = real ? s[t] : padIndex;
                mask[b, t] = real;
            }
        }
        return new PaddedBatch(tokens, mask, valid);
    }

    /// <summary>Pads with the vocabulary's <c>&lt;pad&gt;</c>.</summary>
    public static PaddedBatch Pad(IReadOnlyList<IReadOnlyList<int>> sequences, Vocabulary vocabulary, int? length = null) =>
        Pad(sequences, vocabulary.PaddingIndex, length);
}
