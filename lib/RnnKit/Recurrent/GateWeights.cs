using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>∂L/∂ of one gate's weights: Wx (hiddenSize, inputSize), Wh (hiddenSize, hiddenSize), b (hiddenSize, 1).</summary>
public sealed record GateGrads(Matrix<double> DWx, Matrix<double> DWh, Matrix<double> Db);

/// <summary>
/// One affine map of a gate: z = Wx·x + Wh·h + b (Wax·x + Waa·a + ba in the RNN lessons). Every cell is built from
/// these; the LSTM has four (i, f, c̃, o), the GRU two plus its candidate n.
/// </summary>
public sealed class GateWeights
{
    public GateWeights(Parameter wx, Parameter wh, Parameter b)
    {
        Shape.Require(wh.Value, wx.Rows, wx.Rows, wh.Name);
        Shape.Require(b.Value, wx.Rows, 1, b.Name);
        Wx = wx;
        Wh = wh;
        B = b;
    }

    /// <summary>Draws a gate's weights for (inputSize → hiddenSize) with PyTorch's U(−k, k) init.</summary>
    public static GateWeights Create(string wxName, string whName, string bName, int inputSize, int hiddenSize, Random random)
    {
        var k = CellInit.Bound(hiddenSize);
        return new(
            CellInit.Parameter(wxName, hiddenSize, inputSize, k, random),
            CellInit.Parameter(whName, hiddenSize, hiddenSize, k, random),
            CellInit.Parameter(bName, hiddenSize, 1, k, random));
    }

    /// <summary>Wx (hiddenSize, inputSize): weights on the input x.</summary>
    public Parameter Wx { get; }

    /// <summary>Wh (hiddenSize, hiddenSize): weights on the previous hidden state.</summary>
    public Parameter Wh { get; }

    /// <summary>b (hiddenSize, 1).</summary>
    public Parameter B { get; }

    public IEnumerable<Parameter> Parameters() => [Wx, Wh, B];

    /// <summary>z = Wx·x + Wh·h + b: x (inputSize, batch), h (hiddenSize, batch) → (hiddenSize, batch).</summary>
    public Matrix<double> Preactivation(Matrix<double> x, Matrix<double> h) =>
        Columns.AddBias(Wx.Value * x + Wh.Value * h, B.Value);

    /// <summary>Given ∂L/∂z (hiddenSize, batch): the weight gradients (dz·xᵀ, dz·hᵀ, Σ dz).</summary>
    public static GateGrads Gradients(Matrix<double> dz, Matrix<double> x, Matrix<double> h) =>
        new(dz.TransposeAndMultiply(x), dz.TransposeAndMultiply(h), Columns.SumOverBatch(dz));

    /// <summary>∂L/∂x contribution Wxᵀ·dz (inputSize, batch).</summary>
    public Matrix<double> InputGradient(Matrix<double> dz) => Wx.Value.TransposeThisAndMultiply(dz);

    /// <summary>∂L/∂h contribution Whᵀ·dz (hiddenSize, batch).</summary>
    public Matrix<double> HiddenGradient(Matrix<double> dz) => Wh.Value.TransposeThisAndMultiply(dz);

    public void Accumulate(GateGrads grads)
    {
        Wx.Accumulate(grads.DWx);
        Wh.Accumulate(grads.DWh);
        B.Accumulate(grads.Db);
    }
}
