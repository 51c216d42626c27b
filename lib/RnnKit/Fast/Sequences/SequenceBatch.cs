namespace RnnKit.Fast;

/// <summary>
/// Sequences of different lengths padded into one time-major minibatch for the fast layer, T the longest: either
/// token ids (T, B) or feature vectors (T, B, I). Position (t, b) past sequence b's end holds the padding token or
/// zeros; readers use <see cref="Lengths"/> so the padding never reaches a result.
/// </summary>
public sealed class SequenceBatch
{
    private SequenceBatch(int steps, int[] lengths, int[]? tokens, float[]? features, int featureSize)
    {
        Steps = steps;
        Lengths = lengths;
        Tokens = tokens;
        Features = features;
        FeatureSize = featureSize;
    }

    /// <summary>T: the longest sequence's length.</summary>
    public int Steps { get; }

    /// <summary>B.</summary>
    public int Batch => Lengths.Length;

    /// <summary>Each sequence's own length (≥ 1).</summary>
    public int[] Lengths { get; }

    /// <summary>Token ids (T, B) row-major, or null for a batch of feature vectors.</summary>
    public int[]? Tokens { get; }

    /// <summary>Feature vectors (T, B, I) row-major, or null for a batch of tokens.</summary>
    public float[]? Features { get; }

    /// <summary>I for a batch of feature vectors; 0 for tokens.</summary>
    public int FeatureSize { get; }

    /// <summary>Whether position <paramref name="t"/> of sequence <paramref name="b"/> is inside the sequence.</summary>
    public bool IsInside(int t, int b) => t < Lengths[b];

    /// <summary>Pads token sequences with <paramref name="padding"/> (a vocabulary's <c>PaddingIndex</c>).</summary>
    /// <exception cref="ArgumentException">No sequences, or an empty one (named by its index).</exception>
    public static SequenceBatch FromTokens(IReadOnlyList<IReadOnlyList<int>> sequences, int padding)
    {
        var lengths = LengthsOf(sequences, s => s.Count, nameof(sequences));
        int batch = lengths.Length, steps = lengths.Max();
        var tokens = new int[steps * batch];
        Array.Fill(tokens, padding);
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < lengths[b]; t++)
                tokens[t * batch + b] = sequences[b][t];
        return new SequenceBatch(steps, lengths, tokens, null, 0);
    }

    /// <summary>Pads sequences of feature vectors: sequence b is (Lᵦ, I) row-major, Lᵦ·I values.</summary>
    /// <exception cref="ArgumentException">No sequences, an empty one, or one whose size is not a multiple of I.</exception>
    public static SequenceBatch FromFeatures(IReadOnlyList<float[]> sequences, int featureSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureSize, 1);
        ArgumentNullException.ThrowIfNull(sequences);
        for (var b = 0; b < sequences.Count; b++)
            if (sequences[b] is { } s && s.Length % featureSize != 0)
                throw new ShapeMismatchException($"sequence {b} has {s.Length} values, not a whole number of {featureSize}-value steps");
        var lengths = LengthsOf(sequences, s => s.Length / featureSize, nameof(sequences));
        int batch = lengths.Length, steps = lengths.Max();
        var features = new float[steps * batch * featureSize];
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < lengths[b]; t++)
                sequences[b].AsSpan(t * featureSize, featureSize).CopyTo(features.AsSpan((t * batch + b) * featureSize, featureSize));
        return new SequenceBatch(steps, lengths, null, features, featureSize);
    }

    private static int[] LengthsOf<T>(IReadOnlyList<T> sequences, Func<T, int> length, string name)
    {
        ArgumentNullException.ThrowIfNull(sequences, name);
        if (sequences.Count == 0)
            throw new ArgumentException("a batch needs at least one sequence", name);
        var lengths = new int[sequences.Count];
        for (var b = 0; b < lengths.Length; b++)
        {
            if (sequences[b] is null)
                throw new ArgumentException($"sequence {b} is null", name);
            lengths[b] = length(sequences[b]);
            if (lengths[b] == 0)
                throw new ArgumentException($"sequence {b} is empty; every sequence needs at least one step", name);
        }
        return lengths;
    }
}
