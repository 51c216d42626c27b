using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What the output layer keeps: a⟨t⟩ and the probabilities ŷ⟨t⟩.</summary>
public readonly record struct OutputLayerCache(LinearCache Linear, Matrix<double> YHat);

/// <summary>
/// The lessons' output layer ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by): a (hiddenSize, batch) → ŷ (classes, batch), every
/// column a probability distribution. For training, prefer <see cref="Linear"/> followed by
/// <see cref="SequenceCrossEntropy"/>, which fuses softmax and log-loss; this layer is for sampling and lessons.
/// </summary>
public sealed class OutputLayer(int hiddenSize, int classes, int seed = CellInit.DefaultSeed) : IModule
{
    /// <summary>Wya (classes, hiddenSize) and by (classes, 1).</summary>
    public Linear Projection { get; } = new(hiddenSize, classes, seed, "Wya", "by");

    public IEnumerable<Parameter> Parameters() => Projection.Parameters();

    public (Matrix<double> YHat, OutputLayerCache Cache) Forward(Matrix<double> a)
    {
        var (z, linear) = Projection.Forward(a);
        var yHat = Activations.Softmax(z);
        return (yHat, new OutputLayerCache(linear, yHat));
    }

    /// <summary>Given ∂L/∂ŷ: dz = ŷ ⊙ (dŷ − Σ_k ŷ_k dŷ_k) per column (the softmax Jacobian), then the linear backward.</summary>
    public LinearGrads Backward(Matrix<double> dYHat, OutputLayerCache cache)
    {
        Shape.RequireSame(dYHat, "dŷ", cache.YHat, "ŷ");
        var dz = Matrix<double>.Build.Dense(dYHat.RowCount, dYHat.ColumnCount);
        for (var j = 0; j < dz.ColumnCount; j++)
        {
            var dot = 0.0;
            for (var i = 0; i < dz.RowCount; i++) dot += cache.YHat[i, j] * dYHat[i, j];
            for (var i = 0; i < dz.RowCount; i++) dz[i, j] = cache.YHat[i, j] * (dYHat[i, j] - dot);
        }
        return Projection.Backward(dz, cache.Linear);
    }

    public void Accumulate(LinearGrads grads) => Projection.Accumulate(grads);
}
