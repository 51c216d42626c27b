namespace RnnKit.Fast;

/// <summary>
/// What a recurrent layer's forward pass over T steps remembers for its backward pass. The arrays are buffers a
/// later forward may reuse (pass the old cache as <c>reuse</c>): a training step allocates nothing.
/// </summary>
/// <param name="Steps">T.</param>
/// <param name="Batch">B.</param>
/// <param name="X">The input (T, B, I), kept by reference.</param>
/// <param name="H">h⟨0⟩…h⟨T⟩ as (T+1, B, H): slot 0 is the initial state, slots 1…T the outputs.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="Gates">Activated gates per step (T, B, G·H).</param>
public abstract record FastRecurrentCache(int Steps, int Batch, int HiddenSize, ReadOnlyMemory<float> X, float[] H, float[] Gates)
{
    /// <summary>The outputs y⟨1⟩…y⟨T⟩ = h⟨1⟩…h⟨T⟩ as (T, B, H).</summary>
    public ReadOnlyMemory<float> Output => new(H, Batch * HiddenSize, Steps * Batch * HiddenSize);

    /// <summary>h⟨0⟩…h⟨T−1⟩ as (T, B, H): the hidden states the recurrent weights multiplied.</summary>
    internal ReadOnlyMemory<float> PreviousH => new(H, 0, Steps * Batch * HiddenSize);

    /// <summary>h⟨T⟩ (B, H).</summary>
    public ReadOnlySpan<float> FinalH => new(H, Steps * Batch * HiddenSize, Batch * HiddenSize);

    /// <summary>Packed weights and backward buffers, handed on to the next pass that reuses this cache.</summary>
    internal RecurrentWorkspace Workspace { get; init; } = new();

    internal bool Fits(int steps, int batch, int hiddenSize) => Steps == steps && Batch == batch && HiddenSize == hiddenSize;
}
