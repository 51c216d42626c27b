using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The outputs of a recurrent layer over T steps.</summary>
/// <param name="Hs">h⟨1⟩ … h⟨T⟩, each (hiddenSize, batch): the many-to-many outputs.</param>
/// <param name="Final">The state after the last step (h_n, and c_n for an LSTM).</param>
public sealed record SequenceOutput(IReadOnlyList<Matrix<double>> Hs, RecurrentState Final)
{
    /// <summary>h⟨T⟩, the many-to-one output.</summary>
    public Matrix<double> Last => Hs[^1];
}

/// <summary>What a recurrent layer keeps for BPTT: one cell cache per step, in time order.</summary>
/// <param name="Steps">The caches of steps 1 … T.</param>
/// <param name="Batch">m, the number of examples (columns).</param>
public readonly record struct SequenceCache(IReadOnlyList<IStepCache> Steps, int Batch)
{
    public int Length => Steps.Count;
}

/// <summary>Gradients of a recurrent layer's inputs.</summary>
/// <param name="Dxs">∂L/∂x⟨1⟩ … ∂L/∂x⟨T⟩, each (inputSize, batch).</param>
/// <param name="DInitial">∂L/∂ of the initial state (h0, and c0 for an LSTM).</param>
public sealed record SequenceGradients(IReadOnlyList<Matrix<double>> Dxs, RecurrentState DInitial);

/// <summary>
/// Truncated BPTT(k1, k2) as Williams and Peng define it: every <see cref="K1"/> steps, backpropagate through the
/// last <see cref="K2"/> steps the errors of those <see cref="K1"/> steps. K1 = K2 = k is d2l's "detach the state
/// every k steps"; K1 = K2 = T is full BPTT.
/// </summary>
public sealed record TruncatedBptt
{
    public TruncatedBptt(int k1, int k2)
    {
        if (k1 < 1) throw new ArgumentOutOfRangeException(nameof(k1), k1, "k1 (steps between backward passes) must be at least 1");
        if (k2 < k1) throw new ArgumentOutOfRangeException(nameof(k2), k2, $"k2 (steps backpropagated) must be at least k1 = {k1}, or some errors would never be used");
        K1 = k1;
        K2 = k2;
    }

    /// <summary>Steps between two backward passes (each pass injects the errors of these steps).</summary>
    public int K1 { get; }

    /// <summary>How many steps back each backward pass goes.</summary>
    public int K2 { get; }

    /// <summary>
    /// The backward passes over 0-based steps 0 … length−1: each injects the errors of steps FirstInjected … End and
    /// goes back to step From = FirstInjected − (K2 − K1). A last, shorter window goes back as far past its first
    /// step as the others do, so K1 = K2 = k is exactly "cut the sequence into chunks of k and detach".
    /// </summary>
    public IEnumerable<(int From, int FirstInjected, int End)> Windows(int length)
    {
        for (var first = 0; first < length; first += K1)
            yield return (Math.Max(0, first - (K2 - K1)), first, Math.Min(first + K1, length) - 1);
    }
}
