using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The nonlinearity of a vanilla RNN cell.</summary>
public enum RnnActivation
{
    Tanh,
    Relu,
}

/// <summary>What one RNN step remembers for its backward pass.</summary>
/// <param name="X">x⟨t⟩ (inputSize, batch).</param>
/// <param name="APrev">a⟨t−1⟩ (hiddenSize, batch).</param>
/// <param name="A">a⟨t⟩ (hiddenSize, batch), the activation output (its slope is computed from it).</param>
public readonly record struct RnnStepCache(Matrix<double> X, Matrix<double> APrev, Matrix<double> A) : IStepCache;

/// <summary>Gradients of one RNN step: Dx (inputSize, batch), DaPrev (hiddenSize, batch) and the weights'.</summary>
public sealed record RnnGrads(Matrix<double> Dx, Matrix<double> DaPrev, Matrix<double> DWax, Matrix<double> DWaa, Matrix<double> Dba);

/// <summary>
/// The vanilla RNN cell of the lessons: a⟨t⟩ = act(Waa·a⟨t−1⟩ + Wax·x⟨t⟩ + ba), act = tanh or ReLU.
/// Parameters in order: Wax (hiddenSize, inputSize), Waa (hiddenSize, hiddenSize), ba (hiddenSize, 1).
/// </summary>
public sealed class RnnCell : IRecurrentCell
{
    private readonly GateWeights _gate;

    /// <summary>A cell with PyTorch's U(−1/√hiddenSize, 1/√hiddenSize) weights drawn from System.Random(seed).</summary>
    public RnnCell(int inputSize, int hiddenSize, RnnActivation activation = RnnActivation.Tanh, int seed = CellInit.DefaultSeed)
        : this(inputSize, hiddenSize, activation, new Random(seed))
    {
    }

    public RnnCell(int inputSize, int hiddenSize, RnnActivation activation, Random random)
    {
        CellInit.RequirePositive(inputSize, nameof(inputSize));
        CellInit.RequirePositive(hiddenSize, nameof(hiddenSize));
        Activation = activation;
        _gate = GateWeights.Create("Wax", "Waa", "ba", inputSize, hiddenSize, random);
    }

    public RnnActivation Activation { get; }

    public CellKind Kind => Activation == RnnActivation.Tanh ? CellKind.RnnTanh : CellKind.RnnRelu;

    public int InputSize => Wax.Columns;

    public int HiddenSize => Wax.Rows;

    public bool HasCellState => false;

    /// <summary>Wax (hiddenSize, inputSize).</summary>
    public Parameter Wax => _gate.Wx;

    /// <summary>Waa (hiddenSize, hiddenSize).</summary>
    public Parameter Waa => _gate.Wh;

    /// <summary>ba (hiddenSize, 1).</summary>
    public Parameter Ba => _gate.B;

    /// <summary>The one affine map of this cell, for layouts and lessons.</summary>
    public GateWeights Gate => _gate;

    public IEnumerable<Parameter> Parameters() => _gate.Parameters();

    public RecurrentState ZeroState(int batch) => RecurrentState.Zeros(HiddenSize, batch, withCellState: false);

    /// <summary>a⟨t⟩ = act(Waa·a⟨t−1⟩ + Wax·x⟨t⟩ + ba).</summary>
    /// <param name="x">x⟨t⟩ (inputSize, batch).</param>
    /// <param name="aPrev">a⟨t−1⟩ (hiddenSize, batch).</param>
    /// <returns>a⟨t⟩ (hiddenSize, batch) and the step's cache.</returns>
    public (Matrix<double> A, RnnStepCache Cache) Forward(Matrix<double> x, Matrix<double> aPrev)
    {
        Shape.RequireRows(x, InputSize, "x");
        Shape.Require(aPrev, HiddenSize, x.ColumnCount, "a_prev");
        var z = _gate.Preactivation(x, aPrev);
        var a = Activation == RnnActivation.Tanh ? Activations.Tanh(z) : Activations.Relu(z);
        return (a, new RnnStepCache(x, aPrev, a));
    }

    /// <summary>Backward of one step, given ∂L/∂a⟨t⟩ (hiddenSize, batch); does not touch the parameters' Grad.</summary>
    public RnnGrads Backward(Matrix<double> da, RnnStepCache cache)
    {
        Shape.RequireSame(da, "da", cache.A, "a");
        // dz = da ⊙ act′(z), with tanh′ = 1 − a² and ReLU′ = [a > 0]
        var dz = da.PointwiseMultiply(Slope(cache.A));
        var g = GateWeights.Gradients(dz, cache.X, cache.APrev);
        return new RnnGrads(_gate.InputGradient(dz), _gate.HiddenGradient(dz), g.DWx, g.DWh, g.Db);
    }

    /// <summary>act′(z) from a = act(z) (hiddenSize, batch): 1 − a² for tanh, [a &gt; 0] for ReLU.</summary>
    internal Matrix<double> Slope(Matrix<double> a) =>
        Activation == RnnActivation.Tanh ? Columns.OneMinusSquare(a) : a.Map(v => v > 0 ? 1.0 : 0.0);

    /// <summary>Adds the weight gradients of <paramref name="grads"/> into Wax.Grad, Waa.Grad, ba.Grad.</summary>
    public void Accumulate(RnnGrads grads) => _gate.Accumulate(new GateGrads(grads.DWax, grads.DWaa, grads.Dba));

    (RecurrentState State, IStepCache Cache) IRecurrentCell.Step(Matrix<double> x, RecurrentState previous)
    {
        var (a, cache) = Forward(x, previous.H);
        return (new RecurrentState(a), cache);
    }

    StepGradients IRecurrentCell.StepBackward(RecurrentState dState, IStepCache cache)
    {
        var grads = Backward(dState.H, CacheCast.To<RnnStepCache>(cache, nameof(RnnCell)));
        Accumulate(grads);
        return new StepGradients(grads.Dx, new RecurrentState(grads.DaPrev));
    }

    public override string ToString() => $"RnnCell({Kind}, input {InputSize}, hidden {HiddenSize})";
}
