namespace RnnKit.Fast;

/// <summary>
/// The frame every batched float32 recurrent layer shares (PyTorch's one-layer <c>nn.RNN</c>, <c>nn.LSTM</c>,
/// <c>nn.GRU</c>): the forward pass runs the recurrence, per step one product x⟨t⟩·W_ihᵀ and one h⟨t−1⟩·W_hhᵀ for
/// all gates (a batch under 8 projects the input of all T steps in one product first); the backward pass runs the
/// recurrence in reverse, per step one product dG⟨t⟩·W_hh (and dG⟨t⟩·W_ih for ∂L/∂x), then takes the weight
/// gradients over all T·B positions in one product each. A cell supplies
/// only its element-wise kernels and the arrays its cache keeps (<typeparamref name="TCache"/>).
/// </summary>
/// <typeparam name="TCache">The cell's forward cache.</typeparam>
public abstract partial class FastRecurrentLayer<TCache> : IFastRecurrentLayer where TCache : FastRecurrentCache
{
    private protected FastRecurrentLayer(CellKind kind, int inputSize, int hiddenSize, Random random)
    {
        Kind = kind;
        Weights = new RecurrentWeights(kind.GateCount(), inputSize, hiddenSize, random);
    }

    public CellKind Kind { get; }

    public RecurrentWeights Weights { get; }

    public IEnumerable<FastParameter> Parameters() => Weights.Parameters();

    FastRecurrentCache IFastRecurrentLayer.Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial, FastRecurrentCache? reuse) =>
        Forward(x, steps, batch, initial, reuse as TCache);

    FastState IFastRecurrentLayer.Backward(FastRecurrentCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal) =>
        Backward(cache as TCache ?? throw new ArgumentException($"a {Kind.Name()} layer needs a {typeof(TCache).Name}, got {cache?.GetType().Name ?? "null"}", nameof(cache)),
            dY, dX, dFinal);

    /// <summary>Throws unless <paramref name="cache"/> fits this layer and dY, dX fit the cache; messages name both shapes.</summary>
    private void RequireGradients(TCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal)
    {
        var w = Weights;
        var rows = cache.Steps * cache.Batch;
        if (!cache.IsCurrent)
            throw new InvalidOperationException("this cache's buffers were overwritten by a later Forward that reused them; run Backward before passing a cache as reuse");
        if (cache.HiddenSize != w.HiddenSize)
            throw new ShapeMismatchException($"the cache has hidden size {cache.HiddenSize} but this layer has {w.HiddenSize}");
        if (dY.Length != rows * w.HiddenSize)
            throw new ShapeMismatchException($"dY must have shape (T, B, H) = ({cache.Steps}, {cache.Batch}, {w.HiddenSize}) = {rows * w.HiddenSize} values but has {dY.Length}");
        if (!dX.IsEmpty && dX.Length != rows * w.InputSize)
            throw new ShapeMismatchException($"dX must have shape (T, B, I) = ({cache.Steps}, {cache.Batch}, {w.InputSize}) = {rows * w.InputSize} values but has {dX.Length}");
        w.RequireState(dFinal?.H, cache.Batch, "dh_n");
        if (Kind.HasCellState()) w.RequireState(dFinal?.C, cache.Batch, "dc_n");
    }

    /// <summary>Copies a state (B, H) into <paramref name="slot"/>; empty means zeros.</summary>
    private protected static void SetInitial(ReadOnlySpan<float> initial, Span<float> slot)
    {
        if (initial.IsEmpty) slot.Clear();
        else initial.CopyTo(slot);
    }
}
