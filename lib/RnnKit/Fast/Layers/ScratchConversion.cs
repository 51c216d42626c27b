using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Fast;

/// <summary>
/// Copies weights between the fast layer (PyTorch's fused float32 layout) and the scratch cells (one
/// <see cref="GateWeights"/> per gate, double), so a model trained fast can be inspected with the lessons' code.
/// </summary>
/// <remarks>
/// Rows [g·H, (g+1)·H) of W_ih and W_hh are gate g's Wx and Wh. The scratch LSTM and RNN have one bias per gate,
/// b = b_ih + b_hh; the scratch GRU keeps b_hn apart (it sits inside the reset gate's product), so its r and z
/// biases are b_ih + b_hh, its bxn is b_in and its bhn is b_hn. Going to the fast layer, the bias goes to b_ih
/// and b_hh is zero (except b_hn for the GRU).
/// </remarks>
public static class ScratchConversion
{
    public static LstmCell ToScratch(this FastLstm fast)
    {
        ArgumentNullException.ThrowIfNull(fast);
        var w = fast.Weights;
        var cell = new LstmCell(w.InputSize, w.HiddenSize);
        GateWeights[] gates = [cell.InputGate, cell.ForgetGate, cell.Candidate, cell.OutputGate];
        for (var g = 0; g < gates.Length; g++)
            CopyGateOut(w, g, gates[g], addHiddenBias: true);
        return cell;
    }

    public static GruCell ToScratch(this FastGru fast)
    {
        ArgumentNullException.ThrowIfNull(fast);
        var w = fast.Weights;
        var cell = new GruCell(w.InputSize, w.HiddenSize);
        CopyGateOut(w, 0, cell.ResetGate, addHiddenBias: true);
        CopyGateOut(w, 1, cell.UpdateGate, addHiddenBias: true);
        CopyGateOut(w, 2, cell.Candidate, addHiddenBias: false);
        cell.Bhn.Value.SetSubMatrix(0, 0, Rows(w.BiasHh.Value, 2 * w.HiddenSize, w.HiddenSize, 1));
        return cell;
    }

    public static RnnCell ToScratch(this FastRnn fast)
    {
        ArgumentNullException.ThrowIfNull(fast);
        var w = fast.Weights;
        var cell = new RnnCell(w.InputSize, w.HiddenSize);
        CopyGateOut(w, 0, cell.Gate, addHiddenBias: true);
        return cell;
    }

    public static FastLstm ToFast(this LstmCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var fast = new FastLstm(cell.InputSize, cell.HiddenSize);
        GateWeights[] gates = [cell.InputGate, cell.ForgetGate, cell.Candidate, cell.OutputGate];
        Array.Clear(fast.Weights.BiasHh.Value);
        for (var g = 0; g < gates.Length; g++)
            CopyGateIn(gates[g], g, fast.Weights);
        return fast;
    }

    public static FastGru ToFast(this GruCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var fast = new FastGru(cell.InputSize, cell.HiddenSize);
        Array.Clear(fast.Weights.BiasHh.Value);
        CopyGateIn(cell.ResetGate, 0, fast.Weights);
        CopyGateIn(cell.UpdateGate, 1, fast.Weights);
        CopyGateIn(cell.Candidate, 2, fast.Weights);
        SetRows(fast.Weights.BiasHh.Value, 2 * cell.HiddenSize, cell.Bhn.Value);
        return fast;
    }

    public static FastRnn ToFast(this RnnCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Activation != RnnActivation.Tanh)
            throw new NotSupportedException($"the fast RNN is tanh only; this cell is {cell.Kind.Name()}");
        var fast = new FastRnn(cell.InputSize, cell.HiddenSize);
        Array.Clear(fast.Weights.BiasHh.Value);
        CopyGateIn(cell.Gate, 0, fast.Weights);
        return fast;
    }

    /// <summary>
    /// Gate g's gradients in the scratch cell's terms (∂Wx, ∂Wh, ∂b), for comparing backward passes. The scratch
    /// bias b stands for b_ih + b_hh, and ∂L/∂b = ∂L/∂b_ih.
    /// </summary>
    public static GateGrads GateGradients(this RecurrentWeights w, int gate)
    {
        ArgumentNullException.ThrowIfNull(w);
        int h = w.HiddenSize, start = gate * h;
        return new GateGrads(Rows(w.WeightIh.Grad, start, h, w.InputSize), Rows(w.WeightHh.Grad, start, h, h), Rows(w.BiasIh.Grad, start, h, 1));
    }

    /// <summary>Rows [start, start+count) of a fused (G·H, 1) bias gradient, e.g. ∂b_hn of a GRU.</summary>
    public static Matrix<double> BiasRows(this FastParameter bias, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(bias);
        return Rows(bias.Grad, start, count, 1);
    }

    private static void CopyGateOut(RecurrentWeights w, int gate, GateWeights dst, bool addHiddenBias)
    {
        int h = w.HiddenSize, start = gate * h;
        dst.Wx.Value.SetSubMatrix(0, 0, Rows(w.WeightIh.Value, start, h, w.InputSize));
        dst.Wh.Value.SetSubMatrix(0, 0, Rows(w.WeightHh.Value, start, h, h));
        var b = Rows(w.BiasIh.Value, start, h, 1);
        if (addHiddenBias) b += Rows(w.BiasHh.Value, start, h, 1);
        dst.B.Value.SetSubMatrix(0, 0, b);
    }

    private static void CopyGateIn(GateWeights src, int gate, RecurrentWeights w)
    {
        var start = gate * w.HiddenSize;
        SetRows(w.WeightIh.Value, start, src.Wx.Value);
        SetRows(w.WeightHh.Value, start, src.Wh.Value);
        SetRows(w.BiasIh.Value, start, src.B.Value);
    }

    /// <summary>Rows [start, start+count) of a row-major (·, columns) array as a double matrix.</summary>
    private static Matrix<double> Rows(float[] data, int start, int count, int columns) =>
        Matrix<double>.Build.Dense(count, columns, (r, c) => data[(start + r) * columns + c]);

    private static void SetRows(float[] data, int start, Matrix<double> m)
    {
        for (var r = 0; r < m.RowCount; r++)
            for (var c = 0; c < m.ColumnCount; c++)
                data[(start + r) * m.ColumnCount + c] = (float)m[r, c];
    }
}
