using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>The embedding forward cache: the token ids (N) and their vectors (N, D).</summary>
public sealed record FastEmbeddingCache(int[] Tokens, float[] Output);

/// <summary>A lookup table of D-dimensional vectors, one per token id: PyTorch's <c>nn.Embedding</c> (init N(0, 1)).</summary>
public sealed unsafe class FastEmbedding : IFastModule
{
    /// <summary>Positions each thread must copy in the forward pass before a second thread pays.</summary>
    private const int MinRowsPerThread = 256;

    /// <summary>Columns each thread must take in the backward pass before a second thread pays.</summary>
    private const int MinColumnsPerThread = 64;

    public FastEmbedding(int vocabulary, int dimension, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Table = new FastParameter("weight", vocabulary, dimension);
        for (var i = 0; i < Table.Value.Length; i++)
            Table.Value[i] = (float)StandardNormal(random);
    }

    /// <summary>E (V, D): row v is the vector of token v.</summary>
    public FastParameter Table { get; }

    public int Vocabulary => Table.Rows;

    public int Dimension => Table.Columns;

    public IEnumerable<FastParameter> Parameters() => [Table];

    /// <summary>Output (N, D): row n is E[tokens[n]]. <paramref name="reuse"/> lends its output buffer.</summary>
    public FastEmbeddingCache Forward(int[] tokens, FastEmbeddingCache? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var d = Dimension;
        var output = reuse is not null && reuse.Output.Length == tokens.Length * d ? reuse.Output : new float[tokens.Length * d];
        for (var n = 0; n < tokens.Length; n++)
            if ((uint)tokens[n] >= (uint)Vocabulary)
                throw new ArgumentOutOfRangeException(nameof(tokens), $"token id {tokens[n]} at position {n} is outside the vocabulary [0, {Vocabulary})");
        Parts.For(tokens.Length, MinRowsPerThread, align: 1, (first, count) =>
        {
            for (var n = first; n < first + count; n++)
                Table.Value.AsSpan(tokens[n] * d, d).CopyTo(output.AsSpan(n * d, d));
        });
        return new FastEmbeddingCache(tokens, output);
    }

    /// <summary>∂E[tokens[n]] += dOutput[n] for every position n; dOutput is (N, D).</summary>
    public void Backward(FastEmbeddingCache cache, ReadOnlySpan<float> dOutput)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var d = Dimension;
        if (dOutput.Length != cache.Tokens.Length * d)
            throw new ShapeMismatchException($"dOutput must have shape (N, D) = ({cache.Tokens.Length}, {d}) but has {dOutput.Length} values");
        // Threads take a range of columns each, so every gradient value adds its positions in the same order.
        fixed (float* pd = dOutput)
        {
            nint source = (nint)pd;
            var tokens = cache.Tokens;
            Parts.For(d, MinColumnsPerThread, align: 16, (first, count) =>
            {
                for (var n = 0; n < tokens.Length; n++)
                {
                    var row = Table.Grad.AsSpan(tokens[n] * d + first, count);
                    TensorPrimitives.Add(row, new ReadOnlySpan<float>((float*)source + (long)n * d + first, count), row);
                }
            });
        }
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; 1 − U keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
