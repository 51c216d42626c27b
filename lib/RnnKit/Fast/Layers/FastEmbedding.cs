using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>The embedding forward cache: the token ids (N) and their vectors (N, D).</summary>
public sealed record FastEmbeddingCache(int[] Tokens, float[] Output);

/// <summary>A lookup table of D-dimensional vectors, one per token id: PyTorch's <c>nn.Embedding</c> (init N(0, 1)).</summary>
public sealed class FastEmbedding : IFastModule
{
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
        {
            var v = tokens[n];
            if ((uint)v >= (uint)Vocabulary)
                throw new ArgumentOutOfRangeException(nameof(tokens), $"token id {v} at position {n} is outside the vocabulary [0, {Vocabulary})");
            Table.Value.AsSpan(v * d, d).CopyTo(output.AsSpan(n * d, d));
        }
        return new FastEmbeddingCache(tokens, output);
    }

    /// <summary>∂E[tokens[n]] += dOutput[n] for every position n; dOutput is (N, D).</summary>
    public void Backward(FastEmbeddingCache cache, ReadOnlySpan<float> dOutput)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var d = Dimension;
        if (dOutput.Length != cache.Tokens.Length * d)
            throw new ShapeMismatchException($"dOutput must have shape (N, D) = ({cache.Tokens.Length}, {d}) but has {dOutput.Length} values");
        for (var n = 0; n < cache.Tokens.Length; n++)
        {
            var row = Table.Grad.AsSpan(cache.Tokens[n] * d, d);
            TensorPrimitives.Add(row, dOutput.Slice(n * d, d), row);
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
