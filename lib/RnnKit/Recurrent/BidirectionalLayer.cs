using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The outputs of a bidirectional layer.</summary>
/// <param name="Ys">y⟨t⟩ = [h→⟨t⟩; h←⟨t⟩], each (2·hiddenSize, batch): forward state on top, backward below.</param>
/// <param name="FinalForward">State of the forward cell after x⟨T⟩.</param>
/// <param name="FinalBackward">State of the backward cell after x⟨1⟩ (its last step).</param>
public sealed record BidirectionalOutput(IReadOnlyList<Matrix<double>> Ys, RecurrentState FinalForward, RecurrentState FinalBackward);

/// <summary>The caches of both directions; <see cref="Backward"/> is in reversed time order.</summary>
public readonly record struct BidirectionalCache(SequenceCache Forward, SequenceCache Backward);

/// <summary>Gradients of a bidirectional layer's inputs: ∂L/∂x⟨t⟩ (summed over both directions) and both initial states.</summary>
public sealed record BidirectionalGradients(IReadOnlyList<Matrix<double>> Dxs, RecurrentState DInitialForward, RecurrentState DInitialBackward);

/// <summary>
/// Two recurrent layers over the same sequence, one reading x⟨1⟩…x⟨T⟩ and one reading x⟨T⟩…x⟨1⟩; at each step
/// their hidden states are stacked, so y⟨t⟩ sees the whole sequence. Both cells must have the same sizes.
/// </summary>
public sealed class BidirectionalLayer : IModule
{
    public BidirectionalLayer(IRecurrentCell forwardCell, IRecurrentCell backwardCell)
    {
        ArgumentNullException.ThrowIfNull(forwardCell);
        ArgumentNullException.ThrowIfNull(backwardCell);
        if (forwardCell.InputSize != backwardCell.InputSize || forwardCell.HiddenSize != backwardCell.HiddenSize)
            throw new ArgumentException(
                $"both directions need the same sizes: forward is (input {forwardCell.InputSize}, hidden {forwardCell.HiddenSize}), backward is (input {backwardCell.InputSize}, hidden {backwardCell.HiddenSize})");
        Forwards = new RecurrentLayer(forwardCell);
        Backwards = new RecurrentLayer(backwardCell);
    }

    /// <summary>Reads the sequence left to right.</summary>
    public RecurrentLayer Forwards { get; }

    /// <summary>Reads the sequence right to left.</summary>
    public RecurrentLayer Backwards { get; }

    public int InputSize => Forwards.InputSize;

    /// <summary>Rows of each y⟨t⟩: 2 · hiddenSize.</summary>
    public int OutputSize => 2 * Forwards.HiddenSize;

    public IEnumerable<Parameter> Parameters() => [.. Forwards.Parameters(), .. Backwards.Parameters()];

    /// <param name="xs">x⟨1⟩ … x⟨T⟩, each (inputSize, batch).</param>
    /// <param name="initialForward">Initial state of the forward direction; null for zeros.</param>
    /// <param name="initialBackward">Initial state of the backward direction; null for zeros.</param>
    public (BidirectionalOutput Output, BidirectionalCache Cache) Forward(IReadOnlyList<Matrix<double>> xs,
        RecurrentState? initialForward = null, RecurrentState? initialBackward = null)
    {
        var (forward, forwardCache) = Forwards.Forward(xs, initialForward);
        var (backward, backwardCache) = Backwards.Forward(xs.Reverse().ToList(), initialBackward);
        var steps = xs.Count;
        var ys = Enumerable.Range(0, steps).Select(t => Columns.Stack(forward.Hs[t], backward.Hs[steps - 1 - t])).ToList();
        return (new BidirectionalOutput(ys, forward.Final, backward.Final), new BidirectionalCache(forwardCache, backwardCache));
    }

    /// <summary>BPTT in both directions; adds into both cells' Grads.</summary>
    /// <param name="dYs">∂L/∂y⟨t⟩ (2·hiddenSize, batch) per step; null entries where no loss reads y⟨t⟩.</param>
    /// <param name="cache">From <see cref="Forward"/>.</param>
    public BidirectionalGradients Backward(IReadOnlyList<Matrix<double>?> dYs, BidirectionalCache cache)
    {
        ArgumentNullException.ThrowIfNull(dYs);
        var steps = cache.Forward.Length;
        if (dYs.Count != steps)
            throw new ArgumentException($"got gradients for {dYs.Count} steps but the sequence has {steps}", nameof(dYs));
        var hidden = Forwards.HiddenSize;
        var dForward = new Matrix<double>?[steps];
        var dBackward = new Matrix<double>?[steps];
        for (var t = 0; t < steps; t++)
        {
            if (dYs[t] is not { } dy) continue;
            Shape.Require(dy, OutputSize, cache.Forward.Batch, $"gradient of y at step {t}");
            dForward[t] = dy.SubMatrix(0, hidden, 0, dy.ColumnCount);
            dBackward[steps - 1 - t] = dy.SubMatrix(hidden, hidden, 0, dy.ColumnCount);
        }
        var forward = Forwards.Backward(dForward, cache.Forward);
        var backward = Backwards.Backward(dBackward, cache.Backward);
        var dxs = Enumerable.Range(0, steps).Select(t => forward.Dxs[t] + backward.Dxs[steps - 1 - t]).ToList();
        return new BidirectionalGradients(dxs, forward.DInitial, backward.DInitial);
    }
}
