using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The outputs of a stack of recurrent layers.</summary>
/// <param name="Hs">h⟨t⟩ of the top layer, each (top hiddenSize, batch).</param>
/// <param name="Finals">The final state of every layer, bottom first (PyTorch's h_n[layer]).</param>
public sealed record StackedOutput(IReadOnlyList<Matrix<double>> Hs, IReadOnlyList<RecurrentState> Finals);

/// <summary>The sequence caches of every layer, bottom first.</summary>
public readonly record struct StackedCache(IReadOnlyList<SequenceCache> Layers);

/// <summary>Gradients of the stack's inputs: ∂L/∂x⟨t⟩ of the bottom layer, ∂L/∂initial state of every layer.</summary>
public sealed record StackedGradients(IReadOnlyList<Matrix<double>> Dxs, IReadOnlyList<RecurrentState> DInitials);

/// <summary>
/// N recurrent layers on top of each other: layer l reads the hidden states of layer l−1 as its inputs
/// (a deep RNN). Layer l's input size must be layer l−1's hidden size.
/// </summary>
public sealed class StackedLayer : IModule
{
    public StackedLayer(IEnumerable<IRecurrentCell> cells)
    {
        Layers = cells.Select(c => new RecurrentLayer(c)).ToList();
        if (Layers.Count == 0) throw new ArgumentException("a stack needs at least one layer", nameof(cells));
        for (var l = 1; l < Layers.Count; l++)
            if (Layers[l].InputSize != Layers[l - 1].HiddenSize)
                throw new ArgumentException(
                    $"layer {l} reads {Layers[l].InputSize} inputs but layer {l - 1} gives {Layers[l - 1].HiddenSize} hidden units", nameof(cells));
    }

    /// <summary>Bottom layer first.</summary>
    public IReadOnlyList<RecurrentLayer> Layers { get; }

    public IEnumerable<Parameter> Parameters() => Layers.SelectMany(l => l.Parameters());

    /// <param name="xs">x⟨1⟩ … x⟨T⟩, each (bottom inputSize, batch).</param>
    /// <param name="initials">One initial state per layer, bottom first; null for zeros everywhere.</param>
    public (StackedOutput Output, StackedCache Cache) Forward(IReadOnlyList<Matrix<double>> xs, IReadOnlyList<RecurrentState>? initials = null)
    {
        if (initials is not null && initials.Count != Layers.Count)
            throw new ArgumentException($"got {initials.Count} initial states for {Layers.Count} layers", nameof(initials));
        var inputs = xs;
        var finals = new List<RecurrentState>(Layers.Count);
        var caches = new List<SequenceCache>(Layers.Count);
        for (var l = 0; l < Layers.Count; l++)
        {
            var (output, cache) = Layers[l].Forward(inputs, initials?[l]);
            finals.Add(output.Final);
            caches.Add(cache);
            inputs = output.Hs;
        }
        return (new StackedOutput(inputs, finals), new StackedCache(caches));
    }

    /// <summary>BPTT through every layer, top first; adds into every cell's Grads.</summary>
    /// <param name="dHs">∂L/∂h⟨t⟩ of the top layer; null entries where no loss reads it.</param>
    /// <param name="cache">From <see cref="Forward"/>.</param>
    /// <param name="dFinals">∂L/∂final state per layer (bottom first; entries may be null); null for none.</param>
    public StackedGradients Backward(IReadOnlyList<Matrix<double>?> dHs, StackedCache cache, IReadOnlyList<RecurrentState?>? dFinals = null)
    {
        if (dFinals is not null && dFinals.Count != Layers.Count)
            throw new ArgumentException($"got {dFinals.Count} final-state gradients for {Layers.Count} layers", nameof(dFinals));
        var upstream = dHs;
        var dInitials = new RecurrentState[Layers.Count];
        for (var l = Layers.Count - 1; l >= 0; l--)
        {
            var grads = Layers[l].Backward(upstream, cache.Layers[l], dFinals?[l]);
            dInitials[l] = grads.DInitial;
            upstream = grads.Dxs;
        }
        return new StackedGradients(upstream.Select(d => d!).ToList(), dInitials);
    }
}
