using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The token ids an <see cref="Embedding"/> looked up, one per example.</summary>
public readonly record struct EmbeddingCache(IReadOnlyList<int> Ids);

/// <summary>
/// A lookup table of token vectors: E (embeddingSize, vocabSize), one column per token. Looking up ids
/// [i₁ … i_m] gives the columns E[:, i₁] … E[:, i_m] as x (embeddingSize, m); it equals E·one_hot(ids).
/// Backward scatters: ∂L/∂E[:, i] is the sum of the upstream columns of every example whose id is i.
/// </summary>
public sealed class Embedding : IModule
{
    /// <summary>Entries ~ N(0, 1) like PyTorch's nn.Embedding, drawn (Box–Muller) from System.Random(seed).</summary>
    public Embedding(int vocabSize, int embeddingSize, int seed = CellInit.DefaultSeed)
        : this(vocabSize, embeddingSize, new Random(seed))
    {
    }

    public Embedding(int vocabSize, int embeddingSize, Random random)
    {
        CellInit.RequirePositive(vocabSize, nameof(vocabSize));
        CellInit.RequirePositive(embeddingSize, nameof(embeddingSize));
        ArgumentNullException.ThrowIfNull(random);
        E = new Parameter("E", Matrix<double>.Build.Dense(embeddingSize, vocabSize, (_, _) => StandardNormal(random)));
    }

    /// <summary>E (embeddingSize, vocabSize).</summary>
    public Parameter E { get; }

    public int VocabSize => E.Columns;

    public int EmbeddingSize => E.Rows;

    public IEnumerable<Parameter> Parameters() => [E];

    /// <summary>ids (m values in [0, vocabSize)) → x (embeddingSize, m).</summary>
    public (Matrix<double> X, EmbeddingCache Cache) Forward(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var x = Matrix<double>.Build.Dense(EmbeddingSize, ids.Count);
        for (var j = 0; j < ids.Count; j++)
        {
            if (ids[j] < 0 || ids[j] >= VocabSize)
                throw new ArgumentOutOfRangeException(nameof(ids), ids[j], $"token id at position {j} must be in [0, {VocabSize})");
            x.SetColumn(j, E.Value.Column(ids[j]));
        }
        return (x, new EmbeddingCache(ids.ToArray()));
    }

    /// <summary>∂L/∂E (embeddingSize, vocabSize) from ∂L/∂x (embeddingSize, m): the scatter-add of the columns.</summary>
    public Matrix<double> Backward(Matrix<double> dx, EmbeddingCache cache)
    {
        Shape.Require(dx, EmbeddingSize, cache.Ids.Count, "dx of the embedding");
        var dE = Matrix<double>.Build.Dense(EmbeddingSize, VocabSize);
        for (var j = 0; j < cache.Ids.Count; j++)
            for (var i = 0; i < EmbeddingSize; i++)
                dE[i, cache.Ids[j]] += dx[i, j];
        return dE;
    }

    /// <summary>Adds ∂L/∂E into E.Grad.</summary>
    public void Accumulate(Matrix<double> dE) => E.Accumulate(dE);

    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
