using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>
/// The GRU forward cache: <see cref="FastRecurrentCache.Gates"/> holds r, z, n (T, B, 3H); HiddenGates holds
/// h_r, h_z, h_n = h⟨t−1⟩·W_hhᵀ + b_hh (T, B, 3H), kept because the reset gate multiplies h_n.
/// </summary>
public sealed record FastGruCache(int Steps, int Batch, int HiddenSize, ReadOnlyMemory<float> X, float[] H, float[] Gates, float[] HiddenGates)
    : FastRecurrentCache(Steps, Batch, HiddenSize, X, H, Gates);

/// <summary>
/// Batched float32 GRU over whole sequences, PyTorch's <c>nn.GRU</c> (one layer, gate order r, z, n, the reset
/// gate applied to W_hn h + b_hn). The input part of the three gates for all T steps is one product; each step
/// adds one product h⟨t−1⟩·W_hhᵀ for the three hidden parts.
/// </summary>
public sealed class FastGru : IFastRecurrentLayer
{
    private const int GateCount = 3;

    public FastGru(int inputSize, int hiddenSize, Random random) => Weights = new RecurrentWeights(GateCount, inputSize, hiddenSize, random);

    public FastGru(int inputSize, int hiddenSize, int seed = 0) : this(inputSize, hiddenSize, new Random(seed))
    {
    }

    public string Kind => "gru";

    public RecurrentWeights Weights { get; }

    public IEnumerable<FastParameter> Parameters() => Weights.Parameters();

    /// <summary>Forward over T steps.</summary>
    /// <param name="x">(T, B, I) row-major.</param>
    /// <param name="steps">T.</param>
    /// <param name="batch">B.</param>
    /// <param name="initial">h⟨0⟩ (B, H); null for zeros.</param>
    /// <param name="reuse">An earlier cache whose buffers may be overwritten.</param>
    public FastGruCache Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial = null, FastGruCache? reuse = null)
    {
        var w = Weights;
        w.RequireInput(x, steps, batch);
        w.RequireState(initial?.H, batch, "h0");
        int hidden = w.HiddenSize, width = w.GateWidth, rows = steps * batch;
        var cache = reuse is not null && reuse.Fits(steps, batch, hidden)
            ? reuse with { X = x }
            : new FastGruCache(steps, batch, hidden, x, new float[(rows + batch) * hidden], new float[rows * width],
                new float[rows * width]) { Workspace = reuse?.Workspace ?? new() };
        RecurrentPasses.SetInitial(initial?.H, cache.H.AsSpan(0, batch * hidden));
        RecurrentPasses.InputProjection(w, x.Span, rows, w.BiasIh.Value, [], cache.Gates);
        var recurrentT = cache.Workspace.PackRecurrentT(w);

        BatchChunks.Run(batch, (b0, count) =>
        {
            for (var t = 0; t < steps; t++)
            {
                var row0 = t * batch + b0;
                var hiddenGates = cache.HiddenGates.AsSpan(row0 * width, count * width);
                for (var r = 0; r < count; r++)
                    w.BiasHh.Value.CopyTo(hiddenGates.Slice(r * width, width));
                Sgemm.Multiply(MatrixOp.None, count, cache.H.AsSpan(row0 * hidden, count * hidden), hidden, recurrentT,
                    hiddenGates, width, accumulate: true, parallel: false);
                for (var r = 0; r < count; r++)
                {
                    var prev = (row0 + r) * hidden;
                    GruKernels.Forward(cache.Gates.AsSpan((row0 + r) * width, width), hiddenGates.Slice(r * width, width),
                        cache.H.AsSpan(prev, hidden), cache.H.AsSpan(prev + batch * hidden, hidden));
                }
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
    public FastState Backward(FastGruCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var w = Weights;
        int steps = cache.Steps, batch = cache.Batch, hidden = w.HiddenSize, width = w.GateWidth, rows = steps * batch;
        RecurrentShapes.RequireGradients(w, cache, dY, dX);
        w.RequireState(dFinal?.H, batch, "dh_n");
        var work = cache.Workspace;
        var dGx = RecurrentWorkspace.Ensure(ref work.DGates, rows * width);
        var dGh = RecurrentWorkspace.Ensure(ref work.DHiddenGates, rows * width);
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
                for (var r = 0; r < count; r++)
                {
                    var state = (b0 + r) * hidden;
                    var at = (row0 + r) * hidden;
                    var dhRow = dh.AsSpan(state, hidden);
                    TensorPrimitives.Add(dY0.Slice(at, hidden), dhCarry.AsSpan(state, hidden), dhRow);
                    GruKernels.Backward(cache.Gates.AsSpan((row0 + r) * width, width), cache.HiddenGates.AsSpan((row0 + r) * width, width),
                        cache.H.AsSpan(at, hidden), dhRow, dGx.AsSpan((row0 + r) * width, width), dGh.AsSpan((row0 + r) * width, width),
                        dhCarry.AsSpan(state, hidden));
                }
                // ∂L/∂h⟨t−1⟩ = z ∗ dh (written above) + dGh⟨t⟩ · W_hh
                Sgemm.Multiply(MatrixOp.None, count, dGh.AsSpan(row0 * width, count * width), width, recurrent,
                    dhCarry.AsSpan(b0 * hidden, count * hidden), hidden, accumulate: true, parallel: false);
            }
        });

        RecurrentPasses.WeightGradients(w, rows, cache.X.Span, cache.PreviousH.Span, dGx, dGh, dX);
        return new FastState(dhCarry.ToArray());
    }

    FastRecurrentCache IFastRecurrentLayer.Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial, FastRecurrentCache? reuse) =>
        Forward(x, steps, batch, initial, reuse as FastGruCache);

    FastState IFastRecurrentLayer.Backward(FastRecurrentCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal) =>
        Backward(cache as FastGruCache ?? throw new ArgumentException($"a GRU needs a GRU cache, got {cache.GetType().Name}", nameof(cache)), dY, dX, dFinal);
}
