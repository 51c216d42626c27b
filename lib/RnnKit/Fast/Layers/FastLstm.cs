namespace RnnKit.Fast;

/// <summary>
/// The LSTM forward cache: <see cref="FastRecurrentCache.Gates"/> holds i, f, g, o (T, B, 4H); C holds
/// c⟨0⟩…c⟨T⟩ (T+1, B, H); TanhC holds tanh(c⟨1⟩)…tanh(c⟨T⟩) (T, B, H).
/// </summary>
public sealed record FastLstmCache : FastRecurrentCache
{
    private readonly LstmBuffers _buffers;

    internal FastLstmCache(ReadOnlyMemory<float> x, LstmBuffers buffers) : base(x, buffers) => _buffers = buffers;

    /// <summary>c⟨0⟩…c⟨T⟩ (T+1, B, H).</summary>
    public float[] C => _buffers.C;

    /// <summary>tanh(c⟨1⟩)…tanh(c⟨T⟩) (T, B, H).</summary>
    public float[] TanhC => _buffers.TanhC;

    /// <summary>c⟨T⟩ (B, H).</summary>
    public ReadOnlySpan<float> FinalC => new(C, Steps * Batch * HiddenSize, Batch * HiddenSize);
}

/// <summary>The LSTM's buffers: the shared ones plus c and tanh(c).</summary>
internal sealed class LstmBuffers(int steps, int batch, RecurrentWeights w, RecurrentWorkspace? workspace)
    : RecurrentBuffers(steps, batch, w, workspace)
{
    public float[] C { get; } = new float[(steps + 1) * batch * w.HiddenSize];

    public float[] TanhC { get; } = new float[steps * batch * w.HiddenSize];
}

/// <summary>
/// Batched float32 LSTM over whole sequences, PyTorch's <c>nn.LSTM</c> (one layer): each step computes the input
/// part of all four gates in one product x⟨t⟩·W_ihᵀ, then adds h⟨t−1⟩·W_hhᵀ (one product for the four gates); the element-wise part is <see cref="LstmKernels"/>.
/// </summary>
public sealed class FastLstm : FastRecurrentLayer<FastLstmCache>
{
    public FastLstm(int inputSize, int hiddenSize, Random random) : base(CellKind.Lstm, inputSize, hiddenSize, random)
    {
    }

    public FastLstm(int inputSize, int hiddenSize, int seed = 0) : this(inputSize, hiddenSize, new Random(seed))
    {
    }

    private protected override RecurrentBuffers NewBuffers(int steps, int batch, RecurrentWorkspace? workspace) =>
        new LstmBuffers(steps, batch, Weights, workspace);

    private protected override FastLstmCache NewCache(ReadOnlyMemory<float> x, RecurrentBuffers buffers) => new(x, (LstmBuffers)buffers);

    private protected override void SetInitialCellState(FastLstmCache cache, ReadOnlySpan<float> c0) =>
        SetInitial(c0, cache.C.AsSpan(0, cache.Batch * cache.HiddenSize));

    private protected override void ForwardRows(FastLstmCache cache, int row0, int count)
    {
        int hidden = cache.HiddenSize, width = Weights.GateWidth, next = cache.Batch * hidden;
        for (var r = 0; r < count; r++)
        {
            var prev = (row0 + r) * hidden;
            LstmKernels.Forward(cache.Gates.AsSpan((row0 + r) * width, width), cache.C.AsSpan(prev, hidden), cache.C.AsSpan(prev + next, hidden),
                cache.TanhC.AsSpan(prev, hidden), cache.H.AsSpan(prev + next, hidden));
        }
    }

    private protected override void BackwardRows(FastLstmCache cache, int row0, int b0, int count, ReadOnlySpan<float> dh, BackwardStep step)
    {
        int hidden = cache.HiddenSize, width = Weights.GateWidth;
        for (var r = 0; r < count; r++)
        {
            var at = (row0 + r) * hidden;
            LstmKernels.Backward(cache.Gates.AsSpan((row0 + r) * width, width), cache.C.AsSpan(at, hidden), cache.TanhC.AsSpan(at, hidden),
                dh.Slice(r * hidden, hidden), step.DcCarry.Slice((b0 + r) * hidden, hidden), step.DGates.Slice((row0 + r) * width, width));
        }
    }
}
