namespace RnnKit.Handwriting;

/// <summary>
/// Pen sequences of different lengths padded into one (T, B, 3) input for the fast layer, T the longest: row
/// (t, b) holds x⟨t+1⟩ of sequence b, or zeros past its end. <see cref="Reversed"/> holds each sequence backwards
/// within its own length (zeros after), for the backward direction of a bidirectional reader.
/// </summary>
public sealed class PenBatch
{
    private PenBatch(int steps, int[] lengths, float[] x, float[] reversed)
    {
        Steps = steps;
        Lengths = lengths;
        X = x;
        Reversed = reversed;
    }

    /// <summary>T: the longest sequence's length.</summary>
    public int Steps { get; }

    /// <summary>B.</summary>
    public int Batch => Lengths.Length;

    /// <summary>Each sequence's own length.</summary>
    public int[] Lengths { get; }

    /// <summary>(T, B, 3) row-major: Δx, Δy, p.</summary>
    public float[] X { get; }

    /// <summary>(T, B, 3): row (t, b) is x⟨Lᵦ − t⟩ of sequence b for t &lt; Lᵦ, else zeros.</summary>
    public float[] Reversed { get; }

    public static PenBatch From(IReadOnlyList<PenSequence> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0) throw new ArgumentException("a batch needs at least one sequence", nameof(sequences));
        int batch = sequences.Count, steps = sequences.Max(s => s.Length), f = PenSequence.Features;
        var x = new float[steps * batch * f];
        var reversed = new float[steps * batch * f];
        for (var b = 0; b < batch; b++)
        {
            var s = sequences[b];
            for (var t = 0; t < s.Length; t++)
            {
                Write(x, (t * batch + b) * f, s, t);
                Write(reversed, ((s.Length - 1 - t) * batch + b) * f, s, t);
            }
        }
        return new PenBatch(steps, [.. sequences.Select(s => s.Length)], x, reversed);
    }

    private static void Write(float[] into, int at, PenSequence s, int t)
    {
        into[at] = s.Dx[t];
        into[at + 1] = s.Dy[t];
        into[at + 2] = s.Pen[t];
    }
}
