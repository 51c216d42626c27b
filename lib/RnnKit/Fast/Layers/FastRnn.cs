namespace RnnKit.Fast;

/// <summary>The tanh-RNN forward cache: <see cref="FastRecurrentCache.Gates"/> holds the pre-activations (T, B, H).</summary>
public sealed record FastRnnCache(int Steps, int Batch, int HiddenSize, ReadOnlyMemory<float> X, float[] H, float[] Gates)
    : FastRecurrentCache(Steps, Batch, HiddenSize, X, H, Gates);

/// <summary>
/// Batched float32 Elman RNN over whole sequences, PyTorch's <c>nn.RNN</c> (tanh, one layer):
/// h⟨t⟩ = tanh(W_ih x⟨t⟩ + b_ih + W_hh h⟨t−1⟩ + b_hh).
/// </summary>
public sealed class FastRnn : IFastRecurrentLayer
{
    private const int GateCount = 1;

    public FastRnn(int inputSize, int hiddenSize, Random random) => Weights = new RecurrentWeights(GateCount, inputSize, hiddenSize, random);

    public FastRnn(int inputSize, int hiddenSize, int seed = 0) : this(inputSize, hiddenSize, new Random(seed))
    {
    }

    public string Kind => "rnn";

    public RecurrentWeights Weights { get; }

    public IEnumerable<FastParameter> Parameters() => Weights.Parameters();

    /// <summary>Forward over T steps.</summary>
    /// <param name="x">(T, B, I) row-major.</param>
    /// <param name="steps">T.</param>
    /// <param name="batch">B.</param>
    /// <param name="initial">h⟨0⟩ (B, H); null for zeros.</param>
    /// <param name="reuse">An earlier cache whose buffers may be overwritten.</param>
    public FastRnnCache Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial = null, FastRnnCache? reuse = null)
    {
        var w = Weights;
        w.RequireInput(x, steps, batch);
        w.RequireState(initial?.H, batch, "h0");
        int hidden = w.HiddenSize, rows = steps * batch;
        var cache = reuse is not null && reuse.Fits(steps, batch, hidden)
            ? reuse with { X = x }
            : new FastRnnCache(steps, batch, hidden, x, new float[(rows + batch) * hidden], new float[rows * hidden])
                { Workspace = reuse?.Workspace ?? new() };
        RecurrentPasses.SetInitial(initial?.H, cache.H.AsSpan(0, batch * hidden));
        RecurrentPasses.InputProjection(w, x.Span, rows, w.BiasIh.Value, w.BiasHh.Value, cache.Gates);
        var recurrentT = cache.Workspace.PackRecurrentT(w);

        BatchChunks.Run(batch, (b0, count) =>
        {
            for (var t = 0; t < steps; t++)
            {
                var row0 = t * batch + b0;
                var pre = cache.Gates.AsSpan(row0 * hidden, count * hidden);
                Sgemm.Multiply(MatrixOp.None, count, cache.H.AsSpan(row0 * hidden, count * hidden), hidden, recurrentT,
                    pre, hidden, accumulate: true, parallel: false);
                RnnKernels.Forward(pre, cache.H.AsSpan((row0 + batch) * hidden, count * hidden));
            }
        });
        return cache;
    }

    /// <summary>Full BPTT over the T steps of <paramref name="cache"/>.</summary>
    /// <param name="cache">From <see cref="Forward"/>.</param>
    /// <param name="dY">∂L/∂y (T, B, H).</param>
    /// <param name="dX">Receives ∂L/∂x (T, B, I); empty to skip.</param>
    /// <param name="dFinal">∂L/∂h⟨T⟩ (B, H) from beyond the sequence; null for zeros.</param>
    /// <returns>∂L/∂h⟨0⟩ (B, H).</returns>
    public FastState Backward(FastRnnCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var w = Weights;
        int steps = cache.Steps, batch = cache.Batch, hidden = w.HiddenSize, rows = steps * batch;
        RecurrentShapes.RequireGradients(w, cache, dY, dX);
        w.RequireState(dFinal?.H, batch, "dh_n");
        var work = cache.Workspace;
        var dPre = RecurrentWorkspace.Ensure(ref work.DGates, rows * hidden);
        var dhCarry = RecurrentWorkspace.Ensure(ref work.DhCarry, batch * hidden);
        var dh = RecurrentWorkspace.Ensure(ref work.Dh, batch * hidden);
        RecurrentPasses.SetInitial(dFinal?.H, dhCarry);
        var recurrent = work.PackRecurrent(w);

        BatchChunks.Run(batch, (b0, count) =>
        {
            var dY0 = dY.Span;
            for (var t = steps - 1; t >= 0; t--)
            {
                var row0 = t * batch + b0;
                var slice = count * hidden;
                var dhSlice = dh.AsSpan(b0 * hidden, slice);
                System.Numerics.Tensors.TensorPrimitives.Add(dY0.Slice(row0 * hidden, slice), dhCarry.AsSpan(b0 * hidden, slice), dhSlice);
                RnnKernels.Backward(cache.H.AsSpan((row0 + batch) * hidden, slice), dhSlice, dPre.AsSpan(row0 * hidden, slice));
                Sgemm.Multiply(MatrixOp.None, count, dPre.AsSpan(row0 * hidden, slice), hidden, recurrent,
                    dhCarry.AsSpan(b0 * hidden, slice), hidden, accumulate: false, parallel: false);
            }
        });

        RecurrentPasses.WeightGradients(w, rows, cache.X.Span, cache.PreviousH.Span, dPre, dPre, dX);
        return new FastState(dhCarry.ToArray());
    }

    FastRecurrentCache IFastRecurrentLayer.Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial, FastRecurrentCache? reuse) =>
        Forward(x, steps, batch, initial, reuse as FastRnnCache);

    FastState IFastRecurrentLayer.Backward(FastRecurrentCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal) =>
        Backward(cache as FastRnnCache ?? throw new ArgumentException($"an RNN needs an RNN cache, got {cache.GetType().Name}", nameof(cache)), dY, dX, dFinal);
}
