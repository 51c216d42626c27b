using MathNet.Numerics.LinearAlgebra;
using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>
/// The fast layers against the scratch cells: the same weights and data give the same outputs and all the same
/// gradients (float32 against double, within <see cref="FastAssert.Relative"/>), over several steps of BPTT.
/// </summary>
public class ScratchAgreementTests
{
    // Sizes chosen to cross vector widths and split the batch over two cores (B ≥ 16).
    private const int Steps = 5, Batch = 17, Input = 11, Hidden = 19;

    [Fact]
    public void Lstm_outputs_and_gradients_match_the_scratch_cell()
    {
        var fast = new FastLstm(Input, Hidden, seed: 3);
        var cell = fast.ToScratch();
        Run(fast, cell, withCellState: true);
        GateWeights[] gates = [cell.InputGate, cell.ForgetGate, cell.Candidate, cell.OutputGate];
        for (var g = 0; g < gates.Length; g++)
        {
            AssertGate(gates[g], fast.Weights.GateGradients(g), $"gate {g}");
            // b_ih and b_hh enter every LSTM gate the same way, so their gradients are equal.
            FastAssert.Close(gates[g].B.Grad, fast.Weights.BiasHh.BiasRows(g * Hidden, Hidden), $"∂b_hh of gate {g}");
        }
    }

    [Fact]
    public void Gru_outputs_and_gradients_match_the_scratch_cell()
    {
        var fast = new FastGru(Input, Hidden, seed: 4);
        var cell = fast.ToScratch();
        Run(fast, cell, withCellState: false);
        AssertGate(cell.ResetGate, fast.Weights.GateGradients(0), "r");
        AssertGate(cell.UpdateGate, fast.Weights.GateGradients(1), "z");
        AssertGate(cell.Candidate, fast.Weights.GateGradients(2), "n");
        FastAssert.Close(cell.Bhn.Grad, fast.Weights.BiasHh.BiasRows(2 * Hidden, Hidden), "∂b_hn");
        FastAssert.Close(cell.ResetGate.B.Grad, fast.Weights.BiasHh.BiasRows(0, Hidden), "∂b_hr");
    }

    [Fact]
    public void Rnn_outputs_and_gradients_match_the_scratch_cell()
    {
        var fast = new FastRnn(Input, Hidden, seed: 5);
        var cell = fast.ToScratch();
        Run(fast, cell, withCellState: false);
        AssertGate(cell.Gate, fast.Weights.GateGradients(0), "rnn");
        FastAssert.Close(cell.Ba.Grad, fast.Weights.BiasHh.BiasRows(0, Hidden), "∂b_hh");
    }

    [Fact]
    public void Conversion_to_scratch_and_back_keeps_every_weight()
    {
        var fast = new FastGru(Input, Hidden, seed: 6);
        var back = fast.ToScratch().ToFast();
        var x = FastAssert.Random(new Random(1), Steps * Batch * Input);
        var expected = fast.Forward(x, Steps, Batch).Output.ToArray();
        var actual = back.Forward(x, Steps, Batch).Output.ToArray();
        FastAssert.Close(expected.Select(v => (double)v).ToArray(), actual, "GRU output after a round trip");
    }

    /// <summary>Runs both over the same sequence and compares y, the final state, ∂x and ∂(initial state).</summary>
    private static void Run(IFastRecurrentLayer fast, IRecurrentCell cell, bool withCellState)
    {
        var random = new Random(42);
        var x = FastAssert.Random(random, Steps * Batch * Input);
        var h0 = FastAssert.Random(random, Batch * Hidden);
        var c0 = withCellState ? FastAssert.Random(random, Batch * Hidden) : null;
        var dY = FastAssert.Random(random, Steps * Batch * Hidden);
        var dhN = FastAssert.Random(random, Batch * Hidden);
        var dcN = withCellState ? FastAssert.Random(random, Batch * Hidden) : null;

        var cache = fast.Forward(x, Steps, Batch, new FastState(h0, c0));
        var dX = new float[x.Length];
        var dInitial = fast.Backward(cache, dY, dX, new FastState(dhN, dcN));

        // Scratch: one column per example, (features, B) per step.
        var state = new RecurrentState(Columns(h0, 0, Hidden), c0 is null ? null : Columns(c0, 0, Hidden));
        var caches = new List<IStepCache>();
        for (var t = 0; t < Steps; t++)
        {
            (state, var stepCache) = cell.Step(Columns(x, t * Batch * Input, Input), state);
            caches.Add(stepCache);
            FastAssert.Close(state.H, Columns(cache.Output.Span.ToArray(), t * Batch * Hidden, Hidden), $"h⟨{t + 1}⟩");
        }
        if (fast is FastLstm)
            FastAssert.Close(state.C!, Columns(((FastLstmCache)cache).FinalC.ToArray(), 0, Hidden), "c⟨T⟩");

        var dState = new RecurrentState(Columns(dhN, 0, Hidden), dcN is null ? null : Columns(dcN, 0, Hidden));
        for (var t = Steps - 1; t >= 0; t--)
        {
            dState = dState with { H = dState.H + Columns(dY, t * Batch * Hidden, Hidden) };
            var grads = cell.StepBackward(dState, caches[t]);
            FastAssert.Close(grads.Dx, Columns(dX, t * Batch * Input, Input), $"∂x⟨{t}⟩");
            dState = grads.DPrevious;
        }
        FastAssert.Close(dState.H, Columns(dInitial.H, 0, Hidden), "∂h⟨0⟩");
        if (withCellState)
            FastAssert.Close(dState.C!, Columns(dInitial.C!, 0, Hidden), "∂c⟨0⟩");

    }

    private static void AssertGate(GateWeights scratch, GateGrads fast, string gate)
    {
        FastAssert.Close(scratch.Wx.Grad, fast.DWx, $"∂Wx of {gate}");
        FastAssert.Close(scratch.Wh.Grad, fast.DWh, $"∂Wh of {gate}");
        FastAssert.Close(scratch.B.Grad, fast.Db, $"∂b of {gate}");
    }

    /// <summary>A (B, n) row-major block at <paramref name="offset"/> as the scratch layer's (n, B) matrix.</summary>
    private static Matrix<double> Columns(float[] data, int offset, int n) =>
        Matrix<double>.Build.Dense(n, Batch, (i, b) => data[offset + b * n + i]);
}
