using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The input a <see cref="Linear"/> layer saw: x (inputSize, batch).</summary>
public readonly record struct LinearCache(Matrix<double> X);

/// <summary>Gradients of a linear layer: Dx (inputSize, batch), DW (outputSize, inputSize), Db (outputSize, 1).</summary>
public sealed record LinearGrads(Matrix<double> Dx, Matrix<double> DW, Matrix<double> Db);

/// <summary>
/// y = W·x + b: x (inputSize, batch) → y (outputSize, batch); W (outputSize, inputSize), b (outputSize, 1).
/// As the output layer of the lessons it is z⟨t⟩ = Wya·a⟨t⟩ + by (pass those names).
/// </summary>
public sealed class Linear : IModule
{
    /// <summary>W, b ~ U(−1/√inputSize, 1/√inputSize) from System.Random(seed), as PyTorch's nn.Linear.</summary>
    public Linear(int inputSize, int outputSize, int seed = CellInit.DefaultSeed, string weightName = "W", string biasName = "b")
        : this(inputSize, outputSize, new Random(seed), weightName, biasName)
    {
    }

    public Linear(int inputSize, int outputSize, Random random, string weightName = "W", string biasName = "b")
    {
        CellInit.RequirePositive(inputSize, nameof(inputSize));
        CellInit.RequirePositive(outputSize, nameof(outputSize));
        var k = CellInit.Bound(inputSize);
        W = CellInit.Parameter(weightName, outputSize, inputSize, k, random);
        B = CellInit.Parameter(biasName, outputSize, 1, k, random);
    }

    /// <summary>W (outputSize, inputSize).</summary>
    public Parameter W { get; }

    /// <summary>b (outputSize, 1).</summary>
    public Parameter B { get; }

    public int InputSize => W.Columns;

    public int OutputSize => W.Rows;

    public IEnumerable<Parameter> Parameters() => [W, B];

    /// <summary>y = W·x + b: x (inputSize, batch) → (outputSize, batch).</summary>
    public (Matrix<double> Y, LinearCache Cache) Forward(Matrix<double> x)
    {
        Shape.RequireRows(x, InputSize, "x of the linear layer");
        return (Columns.AddBias(W.Value * x, B.Value), new LinearCache(x));
    }

    /// <summary>Given ∂L/∂y (outputSize, batch): (Wᵀ·dy, dy·xᵀ, Σ dy). Does not touch the Grads.</summary>
    public LinearGrads Backward(Matrix<double> dy, LinearCache cache)
    {
        Shape.Require(dy, OutputSize, cache.X.ColumnCount, "dy of the linear layer");
        return new LinearGrads(W.Value.TransposeThisAndMultiply(dy), dy.TransposeAndMultiply(cache.X), Columns.SumOverBatch(dy));
    }

    /// <summary>Adds DW and Db into W.Grad and b.Grad.</summary>
    public void Accumulate(LinearGrads grads)
    {
        W.Accumulate(grads.DW);
        B.Accumulate(grads.Db);
    }

    /// <summary>The layer applied at every step of a sequence (the many-to-many output layer).</summary>
    public (IReadOnlyList<Matrix<double>> Ys, IReadOnlyList<LinearCache> Caches) ForwardSequence(IReadOnlyList<Matrix<double>> xs)
    {
        var steps = xs.Select(Forward).ToList();
        return (steps.Select(s => s.Y).ToList(), steps.Select(s => s.Cache).ToList());
    }

    /// <summary>Backward of <see cref="ForwardSequence"/>: adds into W.Grad and b.Grad, returns ∂L/∂x⟨t⟩ per step.</summary>
    public IReadOnlyList<Matrix<double>> BackwardSequence(IReadOnlyList<Matrix<double>> dYs, IReadOnlyList<LinearCache> caches)
    {
        if (dYs.Count != caches.Count)
            throw new ArgumentException($"got gradients for {dYs.Count} steps but {caches.Count} caches", nameof(dYs));
        var dxs = new List<Matrix<double>>(dYs.Count);
        for (var t = 0; t < dYs.Count; t++)
        {
            var grads = Backward(dYs[t], caches[t]);
            Accumulate(grads);
            dxs.Add(grads.Dx);
        }
        return dxs;
    }
}
