using System.Numerics.Tensors;

namespace RnnKit.Fast;

public abstract partial class FastRecurrentLayer<TCache>
{
    /// <summary>Forward over T steps.</summary>
    /// <param name="x">(T, B, I) row-major.</param>
    /// <param name="steps">T.</param>
    /// <param name="batch">B.</param>
    /// <param name="initial">h⟨0⟩ (and c⟨0⟩ for the LSTM), (B, H) each; null for zeros.</param>
    /// <param name="reuse">An earlier cache of this layer whose buffers this pass may overwrite.</param>
    public TCache Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial = null, TCache? reuse = null)
    {
        var w = Weights;
        w.RequireInput(x, steps, batch);
        w.RequireState(initial?.H, batch, "h0");
        if (Kind.HasCellState()) w.RequireState(initial?.C, batch, "c0");
        int hidden = w.HiddenSize, width = w.GateWidth, rows = steps * batch;
        using var threads = Parallelism.Choose(batch, hidden, width, vocabulary: 0);
        var buffers = reuse is not null && reuse.Buffers.Fits(steps, batch, hidden)
            ? reuse.Buffers
            : NewBuffers(steps, batch, reuse?.Buffers.Workspace);
        buffers.BeginGeneration();
        var cache = NewCache(x, buffers);
        SetInitial(initial?.H, cache.H.AsSpan(0, batch * hidden));
        SetInitialCellState(cache, initial?.C);
        var work = buffers.Workspace;
        var bias = InputBias(work);
        // With a real batch, each step's input projection runs inside the recurrence, just before its gates are read,
        // instead of one product for all T steps whose (T·B, G·H) result goes out to memory and back; a product row
        // is computed the same way either way, so the results are the same bits.
        var inputT = StepByStep(batch) ? work.PackInputT(w) : null;
        if (inputT is null)
            Sgemm.MultiplyAddBias(MatrixOp.None, MatrixOp.Transpose, rows, width, w.InputSize, x.Span, w.InputSize,
                w.WeightIh.Value, w.InputSize, bias, cache.Gates, width);
        var recurrentT = work.PackRecurrentT(w);
        var input = w.InputSize;

        BatchChunks.Run(batch, (b0, count) =>
        {
            for (var t = 0; t < steps; t++)
            {
                var row0 = t * batch + b0;
                if (inputT is not null)
                    Sgemm.MultiplyAddBias(MatrixOp.None, count, x.Span.Slice(row0 * input, count * input), input, inputT, bias,
                        cache.Gates.AsSpan(row0 * width, count * width), width);
                Sgemm.Multiply(MatrixOp.None, count, cache.H.AsSpan(row0 * hidden, count * hidden), hidden, recurrentT,
                    RecurrentProduct(cache, row0, count), width, accumulate: true, parallel: false);
                ForwardRows(cache, row0, count);
            }
        });
        return cache;
    }

    /// <summary>New buffers for T steps of B examples, taking over <paramref name="workspace"/> when given.</summary>
    private protected abstract RecurrentBuffers NewBuffers(int steps, int batch, RecurrentWorkspace? workspace);

    /// <summary>The cache of a pass that writes <paramref name="buffers"/> (of this cell's own kind).</summary>
    private protected abstract TCache NewCache(ReadOnlyMemory<float> x, RecurrentBuffers buffers);

    /// <summary>Sets c⟨0⟩ for a cell that has a cell state; the others have nothing to do.</summary>
    private protected virtual void SetInitialCellState(TCache cache, ReadOnlySpan<float> c0)
    {
    }

    /// <summary>
    /// Whether b_hh is added with b_ih before the recurrence (true unless the cell needs W_hh h + b_hh on its own, as
    /// the GRU's reset gate does).
    /// </summary>
    private protected virtual bool FoldsHiddenBias => true;

    /// <summary>
    /// Where h⟨t−1⟩·W_hhᵀ of rows [row0, row0 + count) is added (count, G·H): the gates themselves unless the cell
    /// keeps the hidden part apart (the GRU, which then first writes b_hh there).
    /// </summary>
    private protected virtual Span<float> RecurrentProduct(TCache cache, int row0, int count) =>
        cache.Gates.AsSpan(row0 * Weights.GateWidth, count * Weights.GateWidth);

    /// <summary>
    /// The element-wise part of step t for rows [row0, row0 + count) of the (T·B) positions (all in one step): from
    /// the summed pre-activations to the activated gates and h⟨t⟩ (in <c>H</c> at row0 + B).
    /// </summary>
    private protected abstract void ForwardRows(TCache cache, int row0, int count);

    /// <summary>Whether the input projection and ∂L/∂x run step by step inside the recurrence: when every slice of the batch has a kernel's strip of rows.</summary>
    private static bool StepByStep(int batch) => batch >= BatchChunks.MinRowsPerChunk;

    /// <summary>The bias of the input projection (G·H): b_ih, plus b_hh where the cell folds it in.</summary>
    private float[] InputBias(RecurrentWorkspace work)
    {
        var w = Weights;
        var bias = RecurrentWorkspace.Ensure(ref work.InputBias, w.GateWidth);
        if (FoldsHiddenBias) TensorPrimitives.Add(w.BiasIh.Value, w.BiasHh.Value, bias);
        else w.BiasIh.Value.CopyTo(bias);
        return bias;
    }
}
