using MathNet.Numerics.LinearAlgebra;
using RnnKit.Text;

namespace RnnKit;

/// <summary>How a generated token becomes the next input.</summary>
public enum GenerationFeedback
{
    /// <summary>The most likely token (greedy decoding).</summary>
    Argmax,

    /// <summary>A token drawn from softmax(logits) with the generator's seeded random source.</summary>
    Sample,
}

/// <summary>What <see cref="SequenceGenerator.Generate"/> produced.</summary>
/// <param name="Logits">z⟨t⟩ (vocabSize, batch) per step.</param>
/// <param name="Tokens">The token chosen at each step, [T][batch].</param>
/// <param name="Final">The cell's state after the last step.</param>
public sealed record GenerationOutput(IReadOnlyList<Matrix<double>> Logits, IReadOnlyList<int[]> Tokens, RecurrentState Final);

/// <summary>The caches of the recurrent steps and of the readout at each step.</summary>
public readonly record struct GenerationCache(SequenceCache Sequence, IReadOnlyList<LinearCache> Readout);

/// <summary>
/// One-to-many: from a first input x⟨1⟩ and a state, the cell runs T steps; at each step the readout gives
/// logits z⟨t⟩ = Wya·h⟨t⟩ + by, a token is chosen, and its one-hot vector is the next input (so the cell's input
/// size must equal the readout's vocabulary size). The chosen tokens are constants for the backward pass: with
/// them fixed, the logits are a differentiable function of the weights, x⟨1⟩ and the initial state, and
/// <see cref="Backward"/> is that function's exact gradient.
/// </summary>
public sealed class SequenceGenerator : IModule
{
    public SequenceGenerator(IRecurrentCell cell, Linear readout)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(readout);
        if (readout.InputSize != cell.HiddenSize)
            throw new ArgumentException($"the readout reads {readout.InputSize} values but the cell has {cell.HiddenSize} hidden units", nameof(readout));
        if (cell.InputSize != readout.OutputSize)
            throw new ArgumentException($"generated tokens are fed back one-hot, so the cell's input size ({cell.InputSize}) must be the vocabulary size ({readout.OutputSize})", nameof(cell));
        Layer = new RecurrentLayer(cell);
        Readout = readout;
    }

    public RecurrentLayer Layer { get; }

    /// <summary>Wya (vocabSize, hiddenSize), by (vocabSize, 1).</summary>
    public Linear Readout { get; }

    public int VocabSize => Readout.OutputSize;

    public IEnumerable<Parameter> Parameters() => [.. Layer.Parameters(), .. Readout.Parameters()];

    /// <param name="x1">The first input (vocabSize, batch), e.g. a one-hot start token or zeros.</param>
    /// <param name="initial">h0 (and c0); null for zeros.</param>
    /// <param name="steps">T ≥ 1.</param>
    /// <param name="feedback">Greedy or sampled choice of each token.</param>
    /// <param name="random">The source for <see cref="GenerationFeedback.Sample"/>; null for System.Random(0).</param>
    public (GenerationOutput Output, GenerationCache Cache) Generate(Matrix<double> x1, RecurrentState? initial, int steps,
        GenerationFeedback feedback = GenerationFeedback.Argmax, Random? random = null)
    {
        CellInit.RequirePositive(steps, nameof(steps));
        Shape.RequireRows(x1, VocabSize, "first input x");
        random ??= new Random(CellInit.DefaultSeed);
        var batch = x1.ColumnCount;
        var cell = Layer.Cell;
        var state = initial ?? cell.ZeroState(batch);
        Shape.Require(state.H, cell.HiddenSize, batch, "initial state h");
        var x = x1;
        var logits = new List<Matrix<double>>(steps);
        var tokens = new List<int[]>(steps);
        var stepCaches = new List<IStepCache>(steps);
        var readoutCaches = new List<LinearCache>(steps);
        for (var t = 0; t < steps; t++)
        {
            (state, var stepCache) = cell.Step(x, state);
            var (z, readoutCache) = Readout.Forward(state.H);
            var chosen = Choose(z, feedback, random);
            logits.Add(z);
            tokens.Add(chosen);
            stepCaches.Add(stepCache);
            readoutCaches.Add(readoutCache);
            x = OneHot(chosen, VocabSize);
        }
        return (new GenerationOutput(logits, tokens, state),
            new GenerationCache(new SequenceCache(stepCaches, batch), readoutCaches));
    }

    /// <summary>
    /// Given ∂L/∂z⟨t⟩ per step (vocabSize, batch), adds into every Grad and returns ∂L/∂x⟨t⟩ (Dxs[0] is ∂L/∂x⟨1⟩;
    /// the later ones are gradients at the fed-back one-hot inputs, which are constants) and ∂L/∂initial state.
    /// </summary>
    public SequenceGradients Backward(IReadOnlyList<Matrix<double>> dLogits, GenerationCache cache)
    {
        var dHs = Readout.BackwardSequence(dLogits, cache.Readout);
        return Layer.Backward(dHs.ToList<Matrix<double>?>(), cache.Sequence);
    }

    /// <summary>One-hot columns: ids (m) → (size, m) with a 1 at (ids[j], j).</summary>
    public static Matrix<double> OneHot(IReadOnlyList<int> ids, int size)
    {
        var x = Matrix<double>.Build.Dense(size, ids.Count);
        for (var j = 0; j < ids.Count; j++)
        {
            if (ids[j] < 0 || ids[j] >= size)
                throw new ArgumentOutOfRangeException(nameof(ids), ids[j], $"id at position {j} must be in [0, {size})");
            x[ids[j], j] = 1.0;
        }
        return x;
    }

    private static int[] Choose(Matrix<double> z, GenerationFeedback feedback, Random random)
    {
        var chosen = new int[z.ColumnCount];
        var p = feedback == GenerationFeedback.Sample ? Activations.Softmax(z) : null;
        for (var j = 0; j < z.ColumnCount; j++)
            chosen[j] = p is null ? z.Column(j).MaximumIndex() : TemperatureSampling.Draw(p.Column(j).ToArray(), random);
        return chosen;
    }
}
