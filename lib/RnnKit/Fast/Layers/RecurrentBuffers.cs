namespace RnnKit.Fast;

/// <summary>
/// The storage a recurrent layer's forward pass writes for T steps of B examples — h⟨0⟩…h⟨T⟩, the gates and (in a
/// cell's subclass) its own arrays — plus the <see cref="Workspace"/> of the backward pass. One training step lends it
/// to the next (a forward pass given the old cache as <c>reuse</c>), so a step allocates nothing. Lending is explicit:
/// every forward pass that writes the buffers starts a new <see cref="Generation"/>, and a cache written in an
/// earlier generation is stale (<see cref="FastRecurrentCache.IsCurrent"/>).
/// </summary>
internal class RecurrentBuffers
{
    public RecurrentBuffers(int steps, int batch, RecurrentWeights w, RecurrentWorkspace? workspace)
    {
        Steps = steps;
        Batch = batch;
        HiddenSize = w.HiddenSize;
        var rows = steps * batch;
        H = new float[(rows + batch) * w.HiddenSize];
        Gates = new float[rows * w.GateWidth];
        Workspace = workspace ?? new();
    }

    /// <summary>T.</summary>
    public int Steps { get; }

    /// <summary>B.</summary>
    public int Batch { get; }

    /// <summary>H.</summary>
    public int HiddenSize { get; }

    /// <summary>h⟨0⟩…h⟨T⟩ (T+1, B, H).</summary>
    public float[] H { get; }

    /// <summary>Gate pre-activations, then activations, per step (T, B, G·H).</summary>
    public float[] Gates { get; }

    /// <summary>Packed recurrent weights and backward buffers, carried on even to buffers of another size.</summary>
    public RecurrentWorkspace Workspace { get; }

    /// <summary>How many forward passes have written these buffers.</summary>
    public int Generation { get; private set; }

    public bool Fits(int steps, int batch, int hiddenSize) => Steps == steps && Batch == batch && HiddenSize == hiddenSize;

    /// <summary>Called by a forward pass before it writes: the caches of earlier generations become stale.</summary>
    public int BeginGeneration() => ++Generation;
}
