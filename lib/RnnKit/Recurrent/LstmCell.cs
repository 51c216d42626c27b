using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What one LSTM step remembers; every matrix is (hiddenSize, batch) except X (inputSize, batch).</summary>
/// <param name="X">x⟨t⟩ (inputSize, batch).</param>
/// <param name="HPrev">h⟨t−1⟩.</param>
/// <param name="CPrev">C⟨t−1⟩.</param>
/// <param name="I">input (update) gate i = σ(·).</param>
/// <param name="F">forget gate f = σ(·).</param>
/// <param name="CTilde">candidate C̃ = tanh(·).</param>
/// <param name="O">output gate o = σ(·).</param>
/// <param name="C">C⟨t⟩.</param>
/// <param name="TanhC">tanh(C⟨t⟩).</param>
public readonly record struct LstmStepCache(
    Matrix<double> X, Matrix<double> HPrev, Matrix<double> CPrev,
    Matrix<double> I, Matrix<double> F, Matrix<double> CTilde, Matrix<double> O,
    Matrix<double> C, Matrix<double> TanhC) : IStepCache;

/// <summary>Gradients of one LSTM step: inputs (Dx, DhPrev, DcPrev) and each gate's weights.</summary>
public sealed record LstmGrads(
    Matrix<double> Dx, Matrix<double> DhPrev, Matrix<double> DcPrev,
    GateGrads I, GateGrads F, GateGrads C, GateGrads O);

/// <summary>
/// The LSTM cell of the lessons, with separate input and hidden weights per gate (d2l's form, which maps one to
/// one onto PyTorch's fused layout, see <see cref="PyTorchLayout"/>):
/// <code>
/// i = σ(Wxi·x + Whi·h⟨t−1⟩ + bi)      input (update) gate
/// f = σ(Wxf·x + Whf·h⟨t−1⟩ + bf)      forget gate
/// C̃ = tanh(Wxc·x + Whc·h⟨t−1⟩ + bc)   candidate
/// o = σ(Wxo·x + Who·h⟨t−1⟩ + bo)      output gate
/// C⟨t⟩ = f ∗ C⟨t−1⟩ + i ∗ C̃,   h⟨t⟩ = o ∗ tanh(C⟨t⟩)
/// </code>
/// Parameters in PyTorch's gate order i, f, c̃ (PyTorch's g), o; each gate Wx (hiddenSize, inputSize),
/// Wh (hiddenSize, hiddenSize), b (hiddenSize, 1).
/// </summary>
public sealed class LstmCell : IRecurrentCell
{
    public LstmCell(int inputSize, int hiddenSize, int seed = CellInit.DefaultSeed)
        : this(inputSize, hiddenSize, new Random(seed))
    {
    }

    public LstmCell(int inputSize, int hiddenSize, Random random)
    {
        CellInit.RequirePositive(inputSize, nameof(inputSize));
        CellInit.RequirePositive(hiddenSize, nameof(hiddenSize));
        InputGate = GateWeights.Create("Wxi", "Whi", "bi", inputSize, hiddenSize, random);
        ForgetGate = GateWeights.Create("Wxf", "Whf", "bf", inputSize, hiddenSize, random);
        Candidate = GateWeights.Create("Wxc", "Whc", "bc", inputSize, hiddenSize, random);
        OutputGate = GateWeights.Create("Wxo", "Who", "bo", inputSize, hiddenSize, random);
    }

    /// <summary>i: how much of the candidate enters the cell state.</summary>
    public GateWeights InputGate { get; }

    /// <summary>f: how much of the old cell state is kept.</summary>
    public GateWeights ForgetGate { get; }

    /// <summary>C̃: the candidate cell state (tanh).</summary>
    public GateWeights Candidate { get; }

    /// <summary>o: how much of tanh(C) is shown as h.</summary>
    public GateWeights OutputGate { get; }

    public CellKind Kind => CellKind.Lstm;

    public int InputSize => InputGate.Wx.Columns;

    public int HiddenSize => InputGate.Wx.Rows;

    public bool HasCellState => true;

    public IEnumerable<Parameter> Parameters() =>
        [.. InputGate.Parameters(), .. ForgetGate.Parameters(), .. Candidate.Parameters(), .. OutputGate.Parameters()];

    public RecurrentState ZeroState(int batch) => RecurrentState.Zeros(HiddenSize, batch, withCellState: true);

    /// <summary>One LSTM step.</summary>
    /// <param name="x">x⟨t⟩ (inputSize, batch).</param>
    /// <param name="hPrev">h⟨t−1⟩ (hiddenSize, batch).</param>
    /// <param name="cPrev">C⟨t−1⟩ (hiddenSize, batch).</param>
    /// <returns>h⟨t⟩ and C⟨t⟩ (hiddenSize, batch) and the cache.</returns>
    public (Matrix<double> H, Matrix<double> C, LstmStepCache Cache) Forward(Matrix<double> x, Matrix<double> hPrev, Matrix<double> cPrev)
    {
        Shape.RequireRows(x, InputSize, "x");
        Shape.Require(hPrev, HiddenSize, x.ColumnCount, "h_prev");
        Shape.Require(cPrev, HiddenSize, x.ColumnCount, "c_prev");
        var i = Activations.Sigmoid(InputGate.Preactivation(x, hPrev));
        var f = Activations.Sigmoid(ForgetGate.Preactivation(x, hPrev));
        var cTilde = Activations.Tanh(Candidate.Preactivation(x, hPrev));
        var o = Activations.Sigmoid(OutputGate.Preactivation(x, hPrev));
        var c = f.PointwiseMultiply(cPrev) + i.PointwiseMultiply(cTilde);
        var tanhC = Activations.Tanh(c);
        var h = o.PointwiseMultiply(tanhC);
        return (h, c, new LstmStepCache(x, hPrev, cPrev, i, f, cTilde, o, c, tanhC));
    }

    /// <summary>
    /// Backward of one step given ∂L/∂h⟨t⟩ and ∂L/∂C⟨t⟩ (both (hiddenSize, batch); dc is what flows back from step
    /// t+1). Does not touch the parameters' Grad.
    /// </summary>
    public LstmGrads Backward(Matrix<double> dh, Matrix<double> dc, LstmStepCache cache)
    {
        Shape.RequireSame(dh, "dh", cache.C, "h");
        Shape.RequireSame(dc, "dc", cache.C, "c");
        var dO = dh.PointwiseMultiply(cache.TanhC);
        // all paths into C⟨t⟩: the one from the next step and the one through h = o ∗ tanh(C)
        var dC = dc + dh.PointwiseMultiply(cache.O).PointwiseMultiply(Columns.OneMinusSquare(cache.TanhC));
        var dF = dC.PointwiseMultiply(cache.CPrev);
        var dI = dC.PointwiseMultiply(cache.CTilde);
        var dCTilde = dC.PointwiseMultiply(cache.I);
        var dCPrev = dC.PointwiseMultiply(cache.F);

        var dzI = dI.PointwiseMultiply(Columns.SigmoidSlope(cache.I));
        var dzF = dF.PointwiseMultiply(Columns.SigmoidSlope(cache.F));
        var dzC = dCTilde.PointwiseMultiply(Columns.OneMinusSquare(cache.CTilde));
        var dzO = dO.PointwiseMultiply(Columns.SigmoidSlope(cache.O));

        var dx = InputGate.InputGradient(dzI) + ForgetGate.InputGradient(dzF) + Candidate.InputGradient(dzC) + OutputGate.InputGradient(dzO);
        var dhPrev = InputGate.HiddenGradient(dzI) + ForgetGate.HiddenGradient(dzF) + Candidate.HiddenGradient(dzC) + OutputGate.HiddenGradient(dzO);
        return new LstmGrads(dx, dhPrev, dCPrev,
            GateWeights.Gradients(dzI, cache.X, cache.HPrev),
            GateWeights.Gradients(dzF, cache.X, cache.HPrev),
            GateWeights.Gradients(dzC, cache.X, cache.HPrev),
            GateWeights.Gradients(dzO, cache.X, cache.HPrev));
    }

    /// <summary>Adds the weight gradients of <paramref name="grads"/> into every gate's parameters.</summary>
    public void Accumulate(LstmGrads grads)
    {
        InputGate.Accumulate(grads.I);
        ForgetGate.Accumulate(grads.F);
        Candidate.Accumulate(grads.C);
        OutputGate.Accumulate(grads.O);
    }

    (RecurrentState State, IStepCache Cache) IRecurrentCell.Step(Matrix<double> x, RecurrentState previous)
    {
        var cPrev = previous.C ?? throw new ArgumentException("an LSTM state needs a cell state c; use ZeroState(batch) or pass C");
        var (h, c, cache) = Forward(x, previous.H, cPrev);
        return (new RecurrentState(h, c), cache);
    }

    StepGradients IRecurrentCell.StepBackward(RecurrentState dState, IStepCache cache)
    {
        var typed = CacheCast.To<LstmStepCache>(cache, nameof(LstmCell));
        var dc = dState.C ?? Matrix<double>.Build.Dense(HiddenSize, typed.C.ColumnCount);
        var grads = Backward(dState.H, dc, typed);
        Accumulate(grads);
        return new StepGradients(grads.Dx, new RecurrentState(grads.DhPrev, grads.DcPrev));
    }

    public override string ToString() => $"LstmCell(input {InputSize}, hidden {HiddenSize})";
}
