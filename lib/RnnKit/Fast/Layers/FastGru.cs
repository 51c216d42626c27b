namespace RnnKit.Fast;

/// <summary>
/// The GRU forward cache: <see cref="FastRecurrentCache.Gates"/> holds r, z, n (T, B, 3H); HiddenGates holds
/// h_r, h_z, h_n = h⟨t−1⟩·W_hhᵀ + b_hh (T, B, 3H), kept because the reset gate multiplies h_n.
/// </summary>
public sealed record FastGruCache : FastRecurrentCache
{
    private readonly GruBuffers _buffers;

    internal FastGruCache(ReadOnlyMemory<float> x, GruBuffers buffers) : base(x, buffers) => _buffers = buffers;

    /// <summary>h⟨t−1⟩·W_hhᵀ + b_hh per step (T, B, 3H).</summary>
    public float[] HiddenGates => _buffers.HiddenGates;
}

/// <summary>The GRU's buffers: the shared ones plus the hidden side of the gates.</summary>
internal sealed class GruBuffers(int steps, int batch, RecurrentWeights w, RecurrentWorkspace? workspace)
    : RecurrentBuffers(steps, batch, w, workspace)
{
    public float[] HiddenGates { get; } = new float[steps * batch * w.GateWidth];
}

/// <summary>
/// Batched float32 GRU over whole sequences, PyTorch's <c>nn.GRU</c> (one layer, gate order r, z, n, the reset
/// gate applied to W_hn h + b_hn). Each step computes the input part of the three gates in one product and the
/// hidden parts in one product h⟨t−1⟩·W_hhᵀ; the element-wise part is <see cref="GruKernels"/>.
/// </summary>
public sealed class FastGru : FastRecurrentLayer<FastGruCache>
{
    public FastGru(int inputSize, int hiddenSize, Random random) : base(CellKind.Gru, inputSize, hiddenSize, random)
    {
    }

    public FastGru(int inputSize, int hiddenSize, int seed = 0) : this(inputSize, hiddenSize, new Random(seed))
    {
    }

    private protected override RecurrentBuffers NewBuffers(int steps, int batch, RecurrentWorkspace? workspace) =>
        new GruBuffers(steps, batch, Weights, workspace);

    private protected override FastGruCache NewCache(ReadOnlyMemory<float> x, RecurrentBuffers buffers) => new(x, (GruBuffers)buffers);

    // b_hn sits inside the reset gate's product, so b_hh goes with the hidden side, not the input projection.
    private protected override bool FoldsHiddenBias => false;

    private protected override bool SeparateHiddenGradients => true;

    private protected override bool KernelWritesCarry => true;

    private protected override Span<float> RecurrentProduct(FastGruCache cache, int row0, int count)
    {
        var width = Weights.GateWidth;
        var hiddenGates = cache.HiddenGates.AsSpan(row0 * width, count * width);
        for (var r = 0; r < count; r++)
            Weights.BiasHh.Value.CopyTo(hiddenGates.Slice(r * width, width));
        return hiddenGates;
    }

    private protected override void ForwardRows(FastGruCache cache, int row0, int count)
    {
        int hidden = cache.HiddenSize, width = Weights.GateWidth, next = cache.Batch * hidden;
        for (var r = 0; r < count; r++)
        {
            var prev = (row0 + r) * hidden;
            GruKernels.Forward(cache.Gates.AsSpan((row0 + r) * width, width), cache.HiddenGates.AsSpan((row0 + r) * width, width),
                cache.H.AsSpan(prev, hidden), cache.H.AsSpan(prev + next, hidden));
        }
    }

    private protected override void BackwardRows(FastGruCache cache, int row0, int b0, int count, ReadOnlySpan<float> dh, BackwardStep step)
    {
        int hidden = cache.HiddenSize, width = Weights.GateWidth;
        for (var r = 0; r < count; r++)
        {
            var at = (row0 + r) * hidden;
            var gates = (row0 + r) * width;
            GruKernels.Backward(cache.Gates.AsSpan(gates, width), cache.HiddenGates.AsSpan(gates, width), cache.H.AsSpan(at, hidden),
                dh.Slice(r * hidden, hidden), step.DGates.Slice(gates, width), step.DHiddenGates.Slice(gates, width),
                step.DhCarry.Slice((b0 + r) * hidden, hidden));
        }
    }
}
