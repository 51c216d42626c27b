using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>
/// The LSTM forward cache: <see cref="FastRecurrentCache.Gates"/> holds i, f, g, o (T, B, 4H); C holds
/// c⟨0⟩…c⟨T⟩ (T+1, B, H); TanhC holds tanh(c⟨1⟩)…tanh(c⟨T⟩) (T, B, H).
/// </summary>
public sealed record FastLstmCache(int Steps, int Batch, int HiddenSize, ReadOnlyMemory<float> X, float[] H, float[] Gates, float[] C, float[] TanhC)
    : FastRecurrentCache(Steps, Batch, HiddenSize, X, H, Gates)
{
    /// <summary>c⟨T⟩ (B, H).</summary>
    public ReadOnlySpan<float> FinalC => new(C, Steps * Batch * HiddenSize, Batch * HiddenSize);
}

/// <summary>
/// Batched float32 LSTM over whole sequences, PyTorch's <c>nn.LSTM</c> (one layer): the input part of all four
/// gates for all T steps is one matrix product X·W_ihᵀ, then each step adds h⟨t−1⟩·W_hhᵀ (one product for the
/// four gates), each core running its slice of the batch through all T steps.
/// </summary>
public sealed class FastLstm : IFastRecurrentLayer
{
    private const int GateCount = 4;

    public FastLstm(int inputSize, int hiddenSize, Random random) => Weights = new RecurrentWeights(GateCount, inputSize, hiddenSize, random);

    public FastLstm(int inputSize, int hiddenSize, int seed = 0) : this(inputSize, hiddenSize, new Random(seed))
    {
    }

    public string Kind => "lstm";

    public RecurrentWeights Weights { get; }

    public IEnumerable<FastParameter> Parameters() => Weights.Parameters();

    /// <summary>Forward over T steps.</summary>
    /// <param name="x">(T, B, I) row-major.</param>
    /// <param name="steps">T.</param>
    /// <param name="batch">B.</param>
    /// <param name="initial">h⟨0⟩, c⟨0⟩ (B, H) each; null for zeros.</param>
    /// <param name="reuse">An earlier cache whose buffers may be overwritten.</param>
    public FastLstmCache Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial = null, FastLstmCache? reuse = null)
    {
        var w = Weights;
        w.RequireInput(x, steps, batch);
        w.RequireState(initial?.H, batch, "h0");
        w.RequireState(initial?.C, batch, "c0");
        int hidden = w.HiddenSize, width = w.GateWidth, rows = steps * batch;
        var cache = reuse is not null && reuse.Fits(steps, batch, hidden)
            ? reuse with { X = x }
            : new FastLstmCache(steps, batch, hidden, x, new float[(rows + batch) * hidden], new float[rows * width],
                new float[(rows + batch) * hidden], new float[rows * hidden]) { Workspace = reuse?.Workspace ?? new() };
        RecurrentPasses.SetInitial(initial?.H, cache.H.AsSpan(0, batch * hidden));
        RecurrentPasses.SetInitial(initial?.C, cache.C.AsSpan(0, batch * hidden));
        RecurrentPasses.InputProjection(w, x.Span, rows, w.BiasIh.Value, w.BiasHh.Value, cache.Gates);
        var recurrentT = cache.Workspace.PackRecurrentT(w);

        BatchChunks.Run(batch, (b0, count) =>
        {
            for (var t = 0; t < steps; t++)
            {
                var row0 = t * batch + b0;
                var gates = cache.Gates.AsSpan(row0 * width, count * width);
                Sgemm.Multiply(MatrixOp.None, count, cache.H.AsSpan(row0 * hidden, count * hidden), hidden, recurrentT,
                    gates, width, accumulate: true, parallel: false);
                for (var r = 0; r < count; r++)
                {
                    var prev = (row0 + r) * hidden;
                    var next = prev + batch * hidden;
                    LstmKernels.Forward(gates.Slice(r * width, width), cache.C.AsSpan(prev, hidden), cache.C.AsSpan(next, hidden),
                        cache.TanhC.AsSpan(prev, hidden), cache.H.AsSpan(next, hidden));
                }
            }
        });
        return cache;
    }

    /// <summary>Full BPTT over the T steps of <paramref name="cache"/>.</summary>
    /// <param name="cache">From <see cref="Forward"/>.</param>
    /// <param name="dY">∂L/∂y (T, B, H).</param>
    /// <param name="dX">Receives ∂L/∂x (T, B, I); empty to skip.</param>
    /// <param name="dFinal">∂L/∂h⟨T⟩, ∂L/∂c⟨T⟩ (B, H) from beyond the sequence; null for zeros.</param>
    /// <returns>∂L/∂h⟨0⟩ and ∂L/∂c⟨0⟩ (B, H).</returns>
    public FastState Backward(FastLstmCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var w = Weights;
        int steps = cache.Steps, batch = cache.Batch, hidden = w.HiddenSize, width = w.GateWidth, rows = steps * batch;
        RecurrentShapes.RequireGradients(w, cache, dY, dX);
        w.RequireState(dFinal?.H, batch, "dh_n");
        w.RequireState(dFinal?.C, batch, "dc_n");
        var work = cache.Workspace;
        var dG = RecurrentWorkspace.Ensure(ref work.DGates, rows * width);
        var dhCarry = RecurrentWorkspace.Ensure(ref work.DhCarry, batch * hidden);
        var dcCarry = RecurrentWorkspace.Ensure(ref work.DcCarry, batch * hidden);
        var dh = RecurrentWorkspace.Ensure(ref work.Dh, batch * hidden);
        RecurrentPasses.SetInitial(dFinal?.H, dhCarry);
        RecurrentPasses.SetInitial(dFinal?.C, dcCarry);
        var recurrent = work.PackRecurrent(w);

        BatchChunks.Run(batch, (b0, count) =>
        {
            var dY0 = dY.Span;
            for (var t = steps - 1; t >= 0; t--)
            {
                var row0 = t * batch + b0;
                for (var r = 0; r < count; r++)
                {
                    var state = (b0 + r) * hidden;
                    var at = (row0 + r) * hidden;
                    var dhRow = dh.AsSpan(state, hidden);
                    TensorPrimitives.Add(dY0.Slice(at, hidden), dhCarry.AsSpan(state, hidden), dhRow);
                    LstmKernels.Backward(cache.Gates.AsSpan((row0 + r) * width, width), cache.C.AsSpan(at, hidden),
                        cache.TanhC.AsSpan(at, hidden), dhRow, dcCarry.AsSpan(state, hidden), dG.AsSpan((row0 + r) * width, width));
                }
                // ∂L/∂h⟨t−1⟩ = dG⟨t⟩ · W_hh for this slice of the batch
                Sgemm.Multiply(MatrixOp.None, count, dG.AsSpan(row0 * width, count * width), width, recurrent,
                    dhCarry.AsSpan(b0 * hidden, count * hidden), hidden, accumulate: false, parallel: false);
            }
        });

        RecurrentPasses.WeightGradients(w, rows, cache.X.Span, cache.PreviousH.Span, dG, dG, dX);
        return new FastState(dhCarry.ToArray(), dcCarry.ToArray());
    }

    FastRecurrentCache IFastRecurrentLayer.Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial, FastRecurrentCache? reuse) =>
        Forward(x, steps, batch, initial, reuse as FastLstmCache);

    FastState IFastRecurrentLayer.Backward(FastRecurrentCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal) =>
        Backward(cache as FastLstmCache ?? throw new ArgumentException($"an LSTM needs an LSTM cache, got {cache.GetType().Name}", nameof(cache)), dY, dX, dFinal);
}
