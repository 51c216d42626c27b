using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// Converts between the cells' per-gate weights and PyTorch's fused layout, so a layer trained in PyTorch can be
/// loaded (and checked against PyTorch). Gate k occupies rows k·H … (k+1)·H − 1 of every fused tensor:
/// <list type="bullet">
/// <item>RNN (G = 1): Wax = weight_ih, Waa = weight_hh, ba = bias_ih + bias_hh.</item>
/// <item>LSTM (G = 4, order i, f, g, o): Wx• = weight_ih rows, Wh• = weight_hh rows, b• = bias_ih + bias_hh rows;
/// PyTorch's g is the candidate C̃ (Wxc, Whc, bc).</item>
/// <item>GRU (G = 3, order r, z, n): r and z as the LSTM's; n keeps both biases apart because the reset gate
/// multiplies only the hidden side: bxn = bias_ih rows, bhn = bias_hh rows.</item>
/// </list>
/// The cells keep one bias per gate where PyTorch has two, so <see cref="Export"/> puts the sum in bias_ih and zeros
/// in bias_hh (same function, not the same numbers); gradients of both PyTorch biases equal the merged bias's.
/// </summary>
public static class PyTorchLayout
{
    /// <summary>A new cell of <paramref name="kind"/> holding <paramref name="weights"/>; the sizes come from the shapes.</summary>
    public static IRecurrentCell CreateCell(CellKind kind, PyTorchWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var gates = kind.GateCount();
        var hidden = weights.WeightHh.ColumnCount;
        var input = weights.WeightIh.ColumnCount;
        Shape.Require(weights.WeightHh, gates * hidden, hidden, "weight_hh");
        var cell = RecurrentCells.Create(kind, input, hidden);
        Load(cell, weights);
        return cell;
    }

    /// <summary>Overwrites the cell's weights with PyTorch's; every tensor's shape is checked first.</summary>
    public static void Load(IRecurrentCell cell, PyTorchWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var blocks = Blocks(cell);
        var rows = blocks.Count * cell.HiddenSize;
        Shape.Require(weights.WeightIh, rows, cell.InputSize, "weight_ih");
        Shape.Require(weights.WeightHh, rows, cell.HiddenSize, "weight_hh");
        RequireLength(weights.BiasIh, rows, "bias_ih");
        RequireLength(weights.BiasHh, rows, "bias_hh");
        var h = cell.HiddenSize;
        for (var k = 0; k < blocks.Count; k++)
        {
            var (gate, hiddenBias) = blocks[k];
            gate.Wx.Value.SetSubMatrix(0, 0, weights.WeightIh.SubMatrix(k * h, h, 0, cell.InputSize));
            gate.Wh.Value.SetSubMatrix(0, 0, weights.WeightHh.SubMatrix(k * h, h, 0, h));
            var biasIh = weights.BiasIh.SubVector(k * h, h);
            var biasHh = weights.BiasHh.SubVector(k * h, h);
            if (hiddenBias is null)
                gate.B.Value.SetColumn(0, biasIh + biasHh);
            else
            {
                gate.B.Value.SetColumn(0, biasIh);
                hiddenBias.Value.SetColumn(0, biasHh);
            }
        }
    }

    /// <summary>The cell's weights in PyTorch's layout (merged biases go to bias_ih, bias_hh gets zeros).</summary>
    public static PyTorchWeights Export(IRecurrentCell cell) => Fuse(cell, p => p.Value, mergedToBoth: false);

    /// <summary>The cell's accumulated gradients (each Parameter's Grad) in PyTorch's layout.</summary>
    public static PyTorchWeights ExportGradients(IRecurrentCell cell) => Fuse(cell, p => p.Grad, mergedToBoth: true);

    /// <summary>The gates in PyTorch's order, each with its separate hidden-side bias where the cell keeps one (GRU n).</summary>
    private static IReadOnlyList<(GateWeights Gate, Parameter? HiddenBias)> Blocks(IRecurrentCell cell) => cell switch
    {
        RnnCell rnn => [(rnn.Gate, null)],
        LstmCell lstm => [(lstm.InputGate, null), (lstm.ForgetGate, null), (lstm.Candidate, null), (lstm.OutputGate, null)],
        GruCell gru => [(gru.ResetGate, null), (gru.UpdateGate, null), (gru.Candidate, gru.Bhn)],
        _ => throw new ArgumentException($"no PyTorch layout is known for {cell?.GetType().Name ?? "null"}", nameof(cell)),
    };

    private static PyTorchWeights Fuse(IRecurrentCell cell, Func<Parameter, Matrix<double>> part, bool mergedToBoth)
    {
        var blocks = Blocks(cell);
        var h = cell.HiddenSize;
        var rows = blocks.Count * h;
        var weightIh = Matrix<double>.Build.Dense(rows, cell.InputSize);
        var weightHh = Matrix<double>.Build.Dense(rows, h);
        var biasIh = Vector<double>.Build.Dense(rows);
        var biasHh = Vector<double>.Build.Dense(rows);
        for (var k = 0; k < blocks.Count; k++)
        {
            var (gate, hiddenBias) = blocks[k];
            weightIh.SetSubMatrix(k * h, 0, part(gate.Wx));
            weightHh.SetSubMatrix(k * h, 0, part(gate.Wh));
            biasIh.SetSubVector(k * h, h, part(gate.B).Column(0));
            if (hiddenBias is not null)
                biasHh.SetSubVector(k * h, h, part(hiddenBias).Column(0));
            else if (mergedToBoth)
                biasHh.SetSubVector(k * h, h, part(gate.B).Column(0));
        }
        return new PyTorchWeights(weightIh, weightHh, biasIh, biasHh);
    }

    private static void RequireLength(Vector<double> v, int length, string what)
    {
        ArgumentNullException.ThrowIfNull(v, what);
        if (v.Count != length)
            throw new ShapeMismatchException($"{what} must have shape ({length}) but has shape ({v.Count})");
    }
}
