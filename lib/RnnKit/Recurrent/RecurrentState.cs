using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// What a recurrent cell carries from one step to the next: the hidden state h (a⟨t⟩ in the RNN lessons) and, for
/// the LSTM only, the cell state c. The same type carries the gradients ∂L/∂h and ∂L/∂c backwards.
/// </summary>
/// <param name="H">h (hiddenSize, batch).</param>
/// <param name="C">c (hiddenSize, batch) for an LSTM; null for RNN and GRU cells.</param>
public readonly record struct RecurrentState(Matrix<double> H, Matrix<double>? C = null)
{
    public int HiddenSize => H.RowCount;

    public int Batch => H.ColumnCount;

    /// <summary>All zeros, the usual initial state (and "no gradient arrives" when going backwards).</summary>
    public static RecurrentState Zeros(int hiddenSize, int batch, bool withCellState) => new(
        Matrix<double>.Build.Dense(hiddenSize, batch),
        withCellState ? Matrix<double>.Build.Dense(hiddenSize, batch) : null);

    /// <summary>Element-wise sum of two states (or state gradients) of the same kind and shape.</summary>
    public RecurrentState Plus(RecurrentState other)
    {
        Shape.RequireSame(H, "h", other.H, "the h added to it");
        if ((C is null) != (other.C is null))
            throw new ArgumentException("cannot add a state with a cell state c to one without");
        return new(H + other.H, C is null ? null : C + other.C!);
    }
}
