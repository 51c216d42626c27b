using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What one GRU step remembers; every matrix is (hiddenSize, batch) except X (inputSize, batch).</summary>
/// <param name="X">x⟨t⟩ (inputSize, batch).</param>
/// <param name="HPrev">h⟨t−1⟩.</param>
/// <param name="R">reset gate r.</param>
/// <param name="Z">update gate z.</param>
/// <param name="HiddenN">Whn·h⟨t−1⟩ + bhn, the part of the candidate the reset gate scales.</param>
/// <param name="N">candidate n.</param>
public readonly record struct GruStepCache(
    Matrix<double> X, Matrix<double> HPrev, Matrix<double> R, Matrix<double> Z, Matrix<double> HiddenN, Matrix<double> N) : IStepCache;

/// <summary>
/// Gradients of one GRU step: inputs (Dx, DhPrev), the reset and update gates' weights, and the candidate's
/// (N.DWx = ∂Wxn, N.DWh = ∂Whn, N.Db = ∂bxn) with its second bias <see cref="Dbhn"/>.
/// </summary>
public sealed record GruGrads(Matrix<double> Dx, Matrix<double> DhPrev, GateGrads R, GateGrads Z, GateGrads N, Matrix<double> Dbhn);

/// <summary>
/// The GRU cell as PyTorch defines it (the reset gate scales Whn·h + bhn, not h):
/// <code>
/// r = σ(Wxr·x + Whr·h⟨t−1⟩ + br)                  reset gate
/// z = σ(Wxz·x + Whz·h⟨t−1⟩ + bz)                  update gate
/// n = tanh(Wxn·x + bxn + r ∗ (Whn·h⟨t−1⟩ + bhn))   candidate
/// h⟨t⟩ = (1 − z) ∗ n + z ∗ h⟨t−1⟩
/// </code>
/// Parameters in PyTorch's gate order r, z, n: Wxr, Whr, br, Wxz, Whz, bz, Wxn, Whn, bxn, bhn.
/// </summary>
public sealed class GruCell : IRecurrentCell
{
    public GruCell(int inputSize, int hiddenSize, int seed = CellInit.DefaultSeed)
        : this(inputSize, hiddenSize, new Random(seed))
    {
    }

    public GruCell(int inputSize, int hiddenSize, Random random)
    {
        CellInit.RequirePositive(inputSize, nameof(inputSize));
        CellInit.RequirePositive(hiddenSize, nameof(hiddenSize));
        ResetGate = GateWeights.Create("Wxr", "Whr", "br", inputSize, hiddenSize, random);
        UpdateGate = GateWeights.Create("Wxz", "Whz", "bz", inputSize, hiddenSize, random);
        Candidate = GateWeights.Create("Wxn", "Whn", "bxn", inputSize, hiddenSize, random);
        Bhn = CellInit.Parameter("bhn", hiddenSize, 1, CellInit.Bound(hiddenSize), random);
    }

    /// <summary>r: how much of the previous state the candidate sees.</summary>
    public GateWeights ResetGate { get; }

    /// <summary>z: how much of the previous state is kept as is.</summary>
    public GateWeights UpdateGate { get; }

    /// <summary>n: Wxn, Whn and bxn (the input-side bias); see <see cref="Bhn"/>.</summary>
    public GateWeights Candidate { get; }

    /// <summary>bhn (hiddenSize, 1): the hidden-side candidate bias, inside the reset gate's product.</summary>
    public Parameter Bhn { get; }

    public CellKind Kind => CellKind.Gru;

    public int InputSize => ResetGate.Wx.Columns;

    public int HiddenSize => ResetGate.Wx.Rows;

    public bool HasCellState => false;

    public IEnumerable<Parameter> Parameters() =>
        [.. ResetGate.Parameters(), .. UpdateGate.Parameters(), .. Candidate.Parameters(), Bhn];

    public RecurrentState ZeroState(int batch) => RecurrentState.Zeros(HiddenSize, batch, withCellState: false);

    /// <summary>One GRU step: x (inputSize, batch), hPrev (hiddenSize, batch) → h (hiddenSize, batch).</summary>
    public (Matrix<double> H, GruStepCache Cache) Forward(Matrix<double> x, Matrix<double> hPrev)
    {
        Shape.RequireRows(x, InputSize, "x");
        Shape.Require(hPrev, HiddenSize, x.ColumnCount, "h_prev");
        var r = Activations.Sigmoid(ResetGate.Preactivation(x, hPrev));
        var z = Activations.Sigmoid(UpdateGate.Preactivation(x, hPrev));
        var hiddenN = Columns.AddBias(Candidate.Wh.Value * hPrev, Bhn.Value);
        var n = Activations.Tanh(Columns.AddBias(Candidate.Wx.Value * x, Candidate.B.Value) + r.PointwiseMultiply(hiddenN));
        var h = n + z.PointwiseMultiply(hPrev - n);
        return (h, new GruStepCache(x, hPrev, r, z, hiddenN, n));
    }

    /// <summary>Backward of one step given ∂L/∂h⟨t⟩ (hiddenSize, batch); does not touch the parameters' Grad.</summary>
    public GruGrads Backward(Matrix<double> dh, GruStepCache cache)
    {
        Shape.RequireSame(dh, "dh", cache.N, "h");
        var dN = dh - dh.PointwiseMultiply(cache.Z);
        var dZ = dh.PointwiseMultiply(cache.HPrev - cache.N);
        var dzN = dN.PointwiseMultiply(Columns.OneMinusSquare(cache.N));
        var dR = dzN.PointwiseMultiply(cache.HiddenN);
        var dHiddenN = dzN.PointwiseMultiply(cache.R);
        var dzR = dR.PointwiseMultiply(Columns.SigmoidSlope(cache.R));
        var dzZ = dZ.PointwiseMultiply(Columns.SigmoidSlope(cache.Z));

        var dx = ResetGate.InputGradient(dzR) + UpdateGate.InputGradient(dzZ) + Candidate.InputGradient(dzN);
        var dhPrev = dh.PointwiseMultiply(cache.Z)
            + ResetGate.HiddenGradient(dzR) + UpdateGate.HiddenGradient(dzZ) + Candidate.HiddenGradient(dHiddenN);
        var candidate = new GateGrads(
            dzN.TransposeAndMultiply(cache.X), dHiddenN.TransposeAndMultiply(cache.HPrev), Columns.SumOverBatch(dzN));
        return new GruGrads(dx, dhPrev,
            GateWeights.Gradients(dzR, cache.X, cache.HPrev),
            GateWeights.Gradients(dzZ, cache.X, cache.HPrev),
            candidate,
            Columns.SumOverBatch(dHiddenN));
    }

    /// <summary>Adds the weight gradients of <paramref name="grads"/> into every parameter's Grad.</summary>
    public void Accumulate(GruGrads grads)
    {
        ResetGate.Accumulate(grads.R);
        UpdateGate.Accumulate(grads.Z);
        Candidate.Accumulate(grads.N);
        Bhn.Accumulate(grads.Dbhn);
    }

    (RecurrentState State, IStepCache Cache) IRecurrentCell.Step(Matrix<double> x, RecurrentState previous)
    {
        var (h, cache) = Forward(x, previous.H);
        return (new RecurrentState(h), cache);
    }

    StepGradients IRecurrentCell.StepBackward(RecurrentState dState, IStepCache cache)
    {
        var grads = Backward(dState.H, CacheCast.To<GruStepCache>(cache, nameof(GruCell)));
        Accumulate(grads);
        return new StepGradients(grads.Dx, new RecurrentState(grads.DhPrev));
    }

    public override string ToString() => $"GruCell(input {InputSize}, hidden {HiddenSize})";
}
