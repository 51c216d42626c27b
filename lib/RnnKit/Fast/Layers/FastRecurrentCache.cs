namespace RnnKit.Fast;

/// <summary>
/// What a recurrent layer's forward pass over T steps remembers for its backward pass: the input, kept by
/// reference, and the buffers the pass wrote. The buffers are lent on: a later forward pass given this cache as
/// <c>reuse</c> overwrites them (so a training step allocates nothing), after which this cache is no longer
/// <see cref="IsCurrent"/> and <c>Backward</c> refuses it.
/// </summary>
public abstract record FastRecurrentCache
{
    private protected FastRecurrentCache(ReadOnlyMemory<float> x, RecurrentBuffers buffers)
    {
        X = x;
        Buffers = buffers;
        Generation = buffers.Generation;
    }

    /// <summary>T.</summary>
    public int Steps => Buffers.Steps;

    /// <summary>B.</summary>
    public int Batch => Buffers.Batch;

    /// <summary>H.</summary>
    public int HiddenSize => Buffers.HiddenSize;

    /// <summary>The input (T, B, I), kept by reference.</summary>
    public ReadOnlyMemory<float> X { get; }

    /// <summary>h⟨0⟩…h⟨T⟩ as (T+1, B, H): slot 0 is the initial state, slots 1…T the outputs.</summary>
    public float[] H => Buffers.H;

    /// <summary>Activated gates per step (T, B, G·H).</summary>
    public float[] Gates => Buffers.Gates;

    /// <summary>The outputs y⟨1⟩…y⟨T⟩ = h⟨1⟩…h⟨T⟩ as (T, B, H).</summary>
    public ReadOnlyMemory<float> Output => new(H, Batch * HiddenSize, Steps * Batch * HiddenSize);

    /// <summary>h⟨0⟩…h⟨T−1⟩ as (T, B, H): the hidden states the recurrent weights multiplied.</summary>
    internal ReadOnlyMemory<float> PreviousH => new(H, 0, Steps * Batch * HiddenSize);

    /// <summary>h⟨T⟩ (B, H).</summary>
    public ReadOnlySpan<float> FinalH => new(H, Steps * Batch * HiddenSize, Batch * HiddenSize);

    /// <summary>False once a later forward pass has reused (overwritten) this cache's buffers.</summary>
    public bool IsCurrent => Generation == Buffers.Generation;

    /// <summary>The storage this pass wrote, shared with every later pass that reuses this cache.</summary>
    internal RecurrentBuffers Buffers { get; }

    /// <summary>The <see cref="RecurrentBuffers.Generation"/> this pass wrote.</summary>
    private int Generation { get; }
}
