using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// One cell unrolled over T steps with backpropagation through time, for any <see cref="IRecurrentCell"/>.
/// The layer owns no per-call state: <see cref="Forward"/> returns the caches, the backward methods take them.
/// Many-to-many: use every h⟨t⟩ and <see cref="Backward"/>; many-to-one: use <see cref="SequenceOutput.Last"/>
/// and <see cref="BackwardLast"/>; truncated: <see cref="BackwardTruncated"/>.
/// </summary>
public sealed class RecurrentLayer(IRecurrentCell cell) : IModule
{
    public IRecurrentCell Cell { get; } = cell ?? throw new ArgumentNullException(nameof(cell));

    public int InputSize => Cell.InputSize;

    public int HiddenSize => Cell.HiddenSize;

    public IEnumerable<Parameter> Parameters() => Cell.Parameters();

    /// <summary>Runs the cell over the sequence.</summary>
    /// <param name="xs">x⟨1⟩ … x⟨T⟩, each (inputSize, batch); T ≥ 1.</param>
    /// <param name="initial">h0 (and c0) (hiddenSize, batch); null for zeros.</param>
    public (SequenceOutput Output, SequenceCache Cache) Forward(IReadOnlyList<Matrix<double>> xs, RecurrentState? initial = null)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Count == 0) throw new ArgumentException("a sequence needs at least one step", nameof(xs));
        var batch = xs[0].ColumnCount;
        var state = initial ?? Cell.ZeroState(batch);
        RequireState(state, batch, "initial state");
        var hs = new List<Matrix<double>>(xs.Count);
        var caches = new List<IStepCache>(xs.Count);
        for (var t = 0; t < xs.Count; t++)
        {
            Shape.Require(xs[t], InputSize, batch, $"x at step {t}");
            (state, var cache) = Cell.Step(xs[t], state);
            hs.Add(state.H);
            caches.Add(cache);
        }
        return (new SequenceOutput(hs, state), new SequenceCache(caches, batch));
    }

    /// <summary>
    /// Full BPTT. Adds ∂L/∂weights into the cell's Grads and returns ∂L/∂inputs.
    /// </summary>
    /// <param name="dHs">∂L/∂h⟨t⟩ per step (hiddenSize, batch); null, or a null entry, where no loss reads h⟨t⟩.</param>
    /// <param name="cache">From <see cref="Forward"/>.</param>
    /// <param name="dFinal">∂L/∂ of the final state (h_n, c_n) when something after the layer uses it; null for none.</param>
    public SequenceGradients Backward(IReadOnlyList<Matrix<double>?>? dHs, SequenceCache cache, RecurrentState? dFinal = null)
    {
        RequireUpstream(dHs, cache);
        var dxs = new Matrix<double>[cache.Length];
        var dState = dFinal ?? Cell.ZeroState(cache.Batch);
        RequireState(dState, cache.Batch, "gradient of the final state");
        for (var t = cache.Length - 1; t >= 0; t--)
            dState = StepBack(t, dHs, dState, cache, dxs);
        return new SequenceGradients(dxs, dState);
    }

    /// <summary>Many-to-one BPTT: only h⟨T⟩ is used, with ∂L/∂h⟨T⟩ = <paramref name="dLast"/> (hiddenSize, batch).</summary>
    public SequenceGradients BackwardLast(Matrix<double> dLast, SequenceCache cache)
    {
        Shape.Require(dLast, HiddenSize, cache.Batch, "gradient of the last h");
        var dHs = new Matrix<double>?[cache.Length];
        dHs[^1] = dLast;
        return Backward(dHs, cache);
    }

    /// <summary>
    /// Truncated BPTT(k1, k2) over a sequence already run forward: the gradient each window's backward pass
    /// would give, summed (the state entering a window is treated as a constant). Adds into the cell's Grads.
    /// </summary>
    /// <returns>∂L/∂x (zero where no window reaches) and ∂L/∂initial state (zero unless a window reaches step 1).</returns>
    public SequenceGradients BackwardTruncated(IReadOnlyList<Matrix<double>?> dHs, SequenceCache cache, TruncatedBptt truncation,
        RecurrentState? dFinal = null)
    {
        ArgumentNullException.ThrowIfNull(truncation);
        RequireUpstream(dHs, cache);
        var dxs = new Matrix<double>[cache.Length];
        var dInitial = Cell.ZeroState(cache.Batch);
        foreach (var (from, firstInjected, end) in truncation.Windows(cache.Length))
        {
            var dState = end == cache.Length - 1 && dFinal is { } d ? d : Cell.ZeroState(cache.Batch);
            for (var t = end; t >= from; t--)
            {
                var injected = t >= firstInjected ? dHs : null;
                dState = StepBack(t, injected, dState, cache, dxs);
            }
            if (from == 0) dInitial = dInitial.Plus(dState);
        }
        for (var t = 0; t < dxs.Length; t++)
            dxs[t] ??= Matrix<double>.Build.Dense(InputSize, cache.Batch);
        return new SequenceGradients(dxs, dInitial);
    }

    /// <summary>One step of BPTT at <paramref name="t"/>: adds ∂L/∂h⟨t⟩ from the loss, steps back, sums into dxs.</summary>
    private RecurrentState StepBack(int t, IReadOnlyList<Matrix<double>?>? dHs, RecurrentState dState, SequenceCache cache,
        Matrix<double>[] dxs)
    {
        if (dHs?[t] is { } dh)
        {
            Shape.Require(dh, HiddenSize, cache.Batch, $"gradient of h at step {t}");
            dState = dState with { H = dState.H + dh };
        }
        var grads = Cell.StepBackward(dState, cache.Steps[t]);
        dxs[t] = dxs[t] is null ? grads.Dx : dxs[t] + grads.Dx;
        return grads.DPrevious;
    }

    private void RequireState(RecurrentState state, int batch, string what)
    {
        Shape.Require(state.H, HiddenSize, batch, $"{what} h");
        if (Cell.HasCellState && state.C is not null)
            Shape.Require(state.C, HiddenSize, batch, $"{what} c");
        if (!Cell.HasCellState && state.C is not null)
            throw new ArgumentException($"{what} has a cell state c but a {Cell.Kind.Name()} cell has none");
    }

    private static void RequireUpstream(IReadOnlyList<Matrix<double>?>? dHs, SequenceCache cache)
    {
        if (dHs is not null && dHs.Count != cache.Length)
            throw new ArgumentException($"got gradients for {dHs.Count} steps but the sequence has {cache.Length}", nameof(dHs));
    }

    public override string ToString() => $"RecurrentLayer({Cell})";
}
