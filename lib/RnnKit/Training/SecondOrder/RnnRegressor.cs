using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>A batch of a many-to-one regression task.</summary>
/// <param name="Xs">x⟨1⟩ … x⟨T⟩, each (inputSize, batch).</param>
/// <param name="Targets">y (outputSize, batch), compared with the output after the last step.</param>
public sealed record RegressionBatch(IReadOnlyList<Matrix<double>> Xs, Matrix<double> Targets)
{
    public int Batch => Targets.ColumnCount;
}

/// <summary>
/// A vanilla RNN read out once after the last step, ŷ = Wya·a⟨T⟩ + by, trained on the mean squared error
/// L = (1 / (m·n_y)) Σ (ŷ − y)² — the model of the long-range regression tasks (the adding problem and its kin) and
/// of Hessian-free optimisation, for which it also gives exact Gauss–Newton-vector products (<see cref="Curvature"/>).
/// Parameters in order: Wax, Waa, ba, Wya, by.
/// </summary>
public sealed class RnnRegressor : IModule
{
    /// <summary>Cell and readout with PyTorch's uniform initialisation, drawn from <paramref name="random"/>.</summary>
    public RnnRegressor(int inputSize, int hiddenSize, int outputSize, RnnActivation activation, Random random)
    {
        Cell = new RnnCell(inputSize, hiddenSize, activation, random);
        Layer = new RecurrentLayer(Cell);
        Readout = new Linear(hiddenSize, outputSize, random, "Wya", "by");
    }

    public RnnRegressor(int inputSize, int hiddenSize, int outputSize, RnnActivation activation = RnnActivation.Tanh,
        int seed = CellInit.DefaultSeed)
        : this(inputSize, hiddenSize, outputSize, activation, new Random(seed))
    {
    }

    public RnnCell Cell { get; }

    public RecurrentLayer Layer { get; }

    /// <summary>ŷ = Wya·a⟨T⟩ + by.</summary>
    public Linear Readout { get; }

    public IEnumerable<Parameter> Parameters() => Cell.Parameters().Concat(Readout.Parameters());

    /// <summary>ŷ (outputSize, batch) for the sequences xs.</summary>
    public Matrix<double> Predict(IReadOnlyList<Matrix<double>> xs) => Readout.Forward(Layer.Forward(xs).Output.Last).Y;

    /// <summary>The mean squared error on <paramref name="batch"/> (forward only).</summary>
    public double Loss(RegressionBatch batch) => MeanSquaredError(Predict(batch.Xs), batch.Targets);

    /// <summary>The loss, with ∂L/∂w added into every parameter's Grad (one forward and one backward pass).</summary>
    public double LossAndGradient(RegressionBatch batch)
    {
        var (output, cache) = Layer.Forward(batch.Xs);
        var (y, readoutCache) = Readout.Forward(output.Last);
        Backward(OutputGradient(y - batch.Targets), readoutCache, cache);
        return MeanSquaredError(y, batch.Targets);
    }

    /// <summary>
    /// The Gauss–Newton matrix G = Jᵀ H J of the loss at the current weights on <paramref name="batch"/>, as a product
    /// v ↦ G·v (J = ∂ŷ/∂θ, H = ∂²L/∂ŷ² = 2/(m·n_y)·I). The forward pass is run once here; each product is one
    /// forward-mode pass (the R-operator) and one backward pass. Valid while the weights do not change.
    /// </summary>
    public GaussNewtonProduct Curvature(RegressionBatch batch)
    {
        var (output, cache) = Layer.Forward(batch.Xs);
        var (y, readoutCache) = Readout.Forward(output.Last);
        return new GaussNewtonProduct(this, batch, cache, readoutCache, y);
    }

    /// <summary>(1 / (m·n_y)) Σ (ŷ − y)².</summary>
    public static double MeanSquaredError(Matrix<double> predicted, Matrix<double> targets)
    {
        Shape.RequireSame(predicted, "predictions", targets, "targets");
        return (predicted - targets).PointwisePower(2).Enumerate().Sum() / (predicted.RowCount * predicted.ColumnCount);
    }

    /// <summary>∂L/∂ŷ for a given residual ŷ − y, or H·(J v) for a directional output: 2/(m·n_y) times it.</summary>
    internal static Matrix<double> OutputGradient(Matrix<double> residual) => 2.0 / (residual.RowCount * residual.ColumnCount) * residual;

    /// <summary>Adds into every Grad the backward pass of ∂L/∂ŷ = <paramref name="dy"/>.</summary>
    internal void Backward(Matrix<double> dy, LinearCache readoutCache, SequenceCache cache)
    {
        var grads = Readout.Backward(dy, readoutCache);
        Readout.Accumulate(grads);
        Layer.BackwardLast(grads.Dx, cache);
    }

    public override string ToString() => $"RnnRegressor({Cell}, output {Readout.OutputSize})";
}
