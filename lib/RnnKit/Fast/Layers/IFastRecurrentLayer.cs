namespace RnnKit.Fast;

/// <summary>A batched float32 recurrent layer over whole sequences (T, B, features), trained by full BPTT.</summary>
public interface IFastRecurrentLayer : IFastModule
{
    /// <summary>The cell: <see cref="CellKind.Lstm"/>, <see cref="CellKind.Gru"/> or <see cref="CellKind.RnnTanh"/>.</summary>
    CellKind Kind { get; }

    RecurrentWeights Weights { get; }

    /// <summary>Runs T steps; <paramref name="reuse"/> (an earlier cache of this layer) lends its buffers.</summary>
    FastRecurrentCache Forward(ReadOnlyMemory<float> x, int steps, int batch, FastState? initial = null, FastRecurrentCache? reuse = null);

    /// <summary>Full BPTT: accumulates into the parameters' Grad, writes ∂L/∂x into dX (skipped when empty),
    /// returns ∂L/∂(initial state).</summary>
    FastState Backward(FastRecurrentCache cache, ReadOnlyMemory<float> dY, Span<float> dX, FastState? dFinal = null);
}
