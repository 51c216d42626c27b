namespace RnnKit.Fast;

/// <summary>The tanh-RNN forward cache: <see cref="FastRecurrentCache.Gates"/> holds the pre-activations (T, B, H).</summary>
public sealed record FastRnnCache : FastRecurrentCache
{
    internal FastRnnCache(ReadOnlyMemory<float> x, RecurrentBuffers buffers) : base(x, buffers)
    {
    }
}

/// <summary>
/// Batched float32 Elman RNN over whole sequences, PyTorch's <c>nn.RNN</c> (tanh, one layer):
/// h⟨t⟩ = tanh(W_ih x⟨t⟩ + b_ih + W_hh h⟨t−1⟩ + b_hh); the element-wise part is <see cref="RnnKernels"/>.
/// </summary>
public sealed class FastRnn : FastRecurrentLayer<FastRnnCache>
{
    public FastRnn(int inputSize, int hiddenSize, Random random) : base(CellKind.RnnTanh, inputSize, hiddenSize, random)
    {
    }

    public FastRnn(int inputSize, int hiddenSize, int seed = 0) : this(inputSize, hiddenSize, new Random(seed))
    {
    }

    private protected override RecurrentBuffers NewBuffers(int steps, int batch, RecurrentWorkspace? workspace) =>
        new(steps, batch, Weights, workspace);

    private protected override FastRnnCache NewCache(ReadOnlyMemory<float> x, RecurrentBuffers buffers) => new(x, buffers);

    // One gate: the rows [row0, row0 + count) are one contiguous slice, so the kernels take them at once.
    private protected override void ForwardRows(FastRnnCache cache, int row0, int count)
    {
        var slice = count * cache.HiddenSize;
        RnnKernels.Forward(cache.Gates.AsSpan(row0 * cache.HiddenSize, slice), cache.H.AsSpan((row0 + cache.Batch) * cache.HiddenSize, slice));
    }

    private protected override void BackwardRows(FastRnnCache cache, int row0, int b0, int count, ReadOnlySpan<float> dh, BackwardStep step)
    {
        var slice = count * cache.HiddenSize;
        RnnKernels.Backward(cache.H.AsSpan((row0 + cache.Batch) * cache.HiddenSize, slice), dh, step.DGates.Slice(row0 * cache.HiddenSize, slice));
    }
}
