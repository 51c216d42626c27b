using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// A marker for the per-step caches of the cells (<see cref="RnnStepCache"/>, <see cref="LstmStepCache"/>,
/// <see cref="GruStepCache"/>) so that sequence layers can keep them in one list for any cell.
/// </summary>
public interface IStepCache;

/// <summary>∂L/∂x⟨t⟩ (inputSize, batch) and ∂L/∂state⟨t−1⟩ of one step.</summary>
public sealed record StepGradients(Matrix<double> Dx, RecurrentState DPrevious);

/// <summary>
/// What the sequence layers need from a cell, whatever its state is: RNN and GRU carry h, the LSTM (h, c).
/// Each cell also has its own typed <c>Forward</c>/<c>Backward</c> (the lessons' API); these two methods wrap them.
/// </summary>
public interface IRecurrentCell : IModule
{
    /// <summary>Which cell this is (<see cref="CellKinds.Name"/> gives PyTorch's mode name).</summary>
    CellKind Kind { get; }

    /// <summary>n_x, the rows of every input x⟨t⟩.</summary>
    int InputSize { get; }

    /// <summary>n_a, the rows of h (and c).</summary>
    int HiddenSize { get; }

    /// <summary>True for the LSTM, whose state has a cell state c.</summary>
    bool HasCellState { get; }

    /// <summary>The zero state for <paramref name="batch"/> examples.</summary>
    RecurrentState ZeroState(int batch);

    /// <summary>One step: x (inputSize, batch), previous state (hiddenSize, batch) → next state and its cache.</summary>
    (RecurrentState State, IStepCache Cache) Step(Matrix<double> x, RecurrentState previous);

    /// <summary>
    /// One step backwards: ∂L/∂state⟨t⟩ → ∂L/∂x⟨t⟩ and ∂L/∂state⟨t−1⟩. Adds the weight gradients into the cell's
    /// <see cref="Parameter.Grad"/>s. A null <c>C</c> in <paramref name="dState"/> means no gradient reaches c.
    /// </summary>
    StepGradients StepBackward(RecurrentState dState, IStepCache cache);
}
