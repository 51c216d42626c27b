using System.Numerics.Tensors;

namespace RnnKit.Fast;

public abstract partial class FastRecurrentLayer<TCache>
{
    /// <summary>Full BPTT over the T steps of <paramref name="cache"/>; accumulates into the parameters' Grad.</summary>
    /// <param name="cache">From <see cref="Forward"/>, not reused since.</param>
    /// <param name="dY">∂L/∂y (T, B, H).</param>
    /// <param name="dX">Receives ∂L/∂x (T, B, I); empty to skip.</param>
    /// <param name="dFinal">∂L/∂h⟨T⟩ (and ∂L/∂c⟨T⟩ for the LSTM), (B, H), from beyond the sequence; null for zeros.</param>
    /// <returns>∂L/∂h⟨0⟩ (and ∂L/∂c⟨0⟩), (B, H).</returns>
    public unsafe FastState Backward(TCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        RequireGradients(cache, dY, dX, dFinal);
        var w = Weights;
        int steps = cache.Steps, batch = cache.Batch, hidden = w.HiddenSize, width = w.GateWidth, rows = steps * batch;
        using var threads = Parallelism.Choose(batch, hidden, width, vocabulary: 0);
        var work = cache.Buffers.Workspace;
        var dGx = RecurrentWorkspace.Ensure(ref work.DGates, rows * width);
        var dGh = SeparateHiddenGradients ? RecurrentWorkspace.Ensure(ref work.DHiddenGates, rows * width) : dGx;
        var dhCarry = RecurrentWorkspace.Ensure(ref work.DhCarry, batch * hidden);
        var dcCarry = Kind.HasCellState() ? RecurrentWorkspace.Ensure(ref work.DcCarry, batch * hidden) : null;
        var dh = RecurrentWorkspace.Ensure(ref work.Dh, batch * hidden);
        SetInitial(dFinal?.H, dhCarry);
        if (dcCarry is not null) SetInitial(dFinal?.C, dcCarry);
        var recurrent = work.PackRecurrent(w);
        // Σ of the gate gradients for the biases, one running sum per block of rows, added while the rows are in cache
        var blocks = BatchChunks.Blocks(batch);
        var biasSums = RecurrentWorkspace.Ensure(ref work.BiasSums, (SeparateHiddenGradients ? 2 : 1) * blocks * width);
        Array.Clear(biasSums);

        // ∂L/∂x⟨t⟩ = dGx⟨t⟩ · W_ih step by step, while the step's gate gradients are in cache (as the forward pass's input projection)
        var input = w.InputSize;
        var inputPacked = !dX.IsEmpty && StepByStep(batch) ? work.PackInput(w) : null;
        fixed (float* pdX = dX)
        {
            nint dX0 = (nint)pdX;
            BatchChunks.Run(batch, (b0, count) =>
            {
                var dY0 = dY.Span;
                var slice = count * hidden;
                for (var t = steps - 1; t >= 0; t--)
                {
                    var row0 = t * batch + b0;
                    var dhSlice = dh.AsSpan(b0 * hidden, slice);
                    TensorPrimitives.Add(dY0.Slice(row0 * hidden, slice), dhCarry.AsSpan(b0 * hidden, slice), dhSlice);
                    BackwardRows(cache, row0, b0, count, dhSlice, new BackwardStep(dGx, dGh, dhCarry, dcCarry ?? []));
                    AddToBlockSums(dGx, dGh, biasSums, row0, b0, count, blocks);
                    // ∂L/∂h⟨t−1⟩ (+)= dGh⟨t⟩ · W_hh for this slice of the batch
                    Sgemm.Multiply(MatrixOp.None, count, dGh.AsSpan(row0 * width, count * width), width, recurrent,
                        dhCarry.AsSpan(b0 * hidden, slice), hidden, accumulate: KernelWritesCarry, parallel: false);
                    if (inputPacked is not null)
                        Sgemm.Multiply(MatrixOp.None, count, dGx.AsSpan(row0 * width, count * width), width, inputPacked,
                            new Span<float>((float*)dX0 + (long)row0 * input, count * input), input, accumulate: false, parallel: false);
                }
            });
        }

        for (var block = 0; block < blocks; block++)
        {
            var sum = biasSums.AsSpan(block * width, width);
            TensorPrimitives.Add(w.BiasIh.Grad, sum, w.BiasIh.Grad);
            if (SeparateHiddenGradients) sum = biasSums.AsSpan((blocks + block) * width, width);
            TensorPrimitives.Add(w.BiasHh.Grad, sum, w.BiasHh.Grad);
        }
        WeightGradients(rows, cache.X.Span, cache.PreviousH.Span, dGx, dGh, inputPacked is null ? dX : []);
        return new FastState(dhCarry.ToArray(), dcCarry?.ToArray());
    }

    /// <summary>
    /// Adds the gate gradients of rows [row0, row0 + count) (batch rows [b0, b0 + count)) to the running sums of their
    /// blocks of <see cref="BatchChunks.MinRowsPerChunk"/> batch rows: sums (blocks, G·H) for dGx, then (blocks, G·H)
    /// for dGh when the cell keeps it apart. A block's rows are added in a fixed order (steps T−1…0, rows in order)
    /// and the blocks are added to the bias gradients in order, so the sums do not depend on the threads.
    /// </summary>
    private void AddToBlockSums(float[] dGx, float[] dGh, float[] sums, int row0, int b0, int count, int blocks)
    {
        var width = Weights.GateWidth;
        for (var r = 0; r < count; r++)
        {
            var block = (b0 + r) / BatchChunks.MinRowsPerChunk;
            var sum = sums.AsSpan(block * width, width);
            TensorPrimitives.Add(sum, dGx.AsSpan((row0 + r) * width, width), sum);
            if (!SeparateHiddenGradients) continue;
            sum = sums.AsSpan((blocks + block) * width, width);
            TensorPrimitives.Add(sum, dGh.AsSpan((row0 + r) * width, width), sum);
        }
    }

    /// <summary>The gradient buffers one backward step writes: (T, B, G·H) for the gates, (B, H) for the carries.</summary>
    /// <param name="DGates">∂L/∂(input-side gate pre-activations).</param>
    /// <param name="DHiddenGates">∂L/∂(hidden-side pre-activations); the same array unless the cell keeps them apart.</param>
    /// <param name="DhCarry">∂L/∂h⟨t⟩ from step t+1 on entry; a cell that <see cref="KernelWritesCarry"/> writes its direct part of ∂L/∂h⟨t−1⟩.</param>
    /// <param name="DcCarry">∂L/∂c⟨t⟩ on entry, ∂L/∂c⟨t−1⟩ on exit (LSTM only; empty otherwise).</param>
    private protected readonly ref struct BackwardStep(Span<float> DGates, Span<float> DHiddenGates, Span<float> DhCarry, Span<float> DcCarry)
    {
        public Span<float> DGates { get; } = DGates;
        public Span<float> DHiddenGates { get; } = DHiddenGates;
        public Span<float> DhCarry { get; } = DhCarry;
        public Span<float> DcCarry { get; } = DcCarry;
    }

    /// <summary>Whether the input and hidden sides of the gates get separate gradients (the GRU: r ∗ h_n).</summary>
    private protected virtual bool SeparateHiddenGradients => false;

    /// <summary>Whether <see cref="BackwardRows"/> writes part of ∂L/∂h⟨t−1⟩ itself, so the product adds to it.</summary>
    private protected virtual bool KernelWritesCarry => false;

    /// <summary>
    /// The element-wise part of step t backwards for rows [row0, row0 + count) (batch rows [b0, b0 + count)):
    /// from dh = ∂L/∂h⟨t⟩ (count, H) to the gate gradients of those rows.
    /// </summary>
    private protected abstract void BackwardRows(TCache cache, int row0, int b0, int count, ReadOnlySpan<float> dh, BackwardStep step);

    /// <summary>
    /// After the recursion: ∂W_ih += dGxᵀ·X, ∂W_hh += dGhᵀ·H⟨t−1⟩ (over all T·B positions, one product each), and
    /// dX = dGx · W_ih when dX is not empty.
    /// </summary>
    private void WeightGradients(int rows, ReadOnlySpan<float> x, ReadOnlySpan<float> previousH, ReadOnlySpan<float> dGx,
        ReadOnlySpan<float> dGh, Span<float> dX)
    {
        var w = Weights;
        int width = w.GateWidth, input = w.InputSize, hidden = w.HiddenSize;
        Sgemm.Multiply(MatrixOp.Transpose, MatrixOp.None, width, input, rows, dGx, width, x, input, w.WeightIh.Grad, input, accumulate: true);
        Sgemm.Multiply(MatrixOp.Transpose, MatrixOp.None, width, hidden, rows, dGh, width, previousH, hidden, w.WeightHh.Grad, hidden, accumulate: true);
        if (!dX.IsEmpty)
            Sgemm.Multiply(MatrixOp.None, MatrixOp.None, rows, input, width, dGx, width, w.WeightIh.Value, input, dX, input);
    }
}
