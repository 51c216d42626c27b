using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

/// <summary>
/// What the forward step of the vanilla RNN cell keeps for its backward step, in deeplearning.ai's names (lesson 03
/// writes W_h for Waa and W_x for Wax; docs/glossary.md has the table): a_next = tanh(Wax·xt + Waa·a_prev + ba).
/// </summary>
/// <param name="ANext">a⟨t⟩ (n_a, m).</param>
/// <param name="APrev">a⟨t−1⟩ (n_a, m).</param>
/// <param name="Xt">x⟨t⟩ (n_x, m).</param>
/// <param name="Wax">(n_a, n_x).</param>
/// <param name="Waa">(n_a, n_a).</param>
/// <param name="Ba">(n_a, 1).</param>
public sealed record RnnCellCache(Matrix<double> ANext, Matrix<double> APrev, Matrix<double> Xt,
    Matrix<double> Wax, Matrix<double> Waa, Matrix<double> Ba);

/// <summary>The gradients of one RNN cell step with respect to its inputs and parameters.</summary>
/// <param name="Dxt">∂L/∂x⟨t⟩ (n_x, m).</param>
/// <param name="DaPrev">∂L/∂a⟨t−1⟩ (n_a, m).</param>
/// <param name="DWax">(n_a, n_x).</param>
/// <param name="DWaa">(n_a, n_a).</param>
/// <param name="Dba">(n_a, 1): summed over the m examples.</param>
public sealed record RnnCellGradients(Matrix<double> Dxt, Matrix<double> DaPrev, Matrix<double> DWax,
    Matrix<double> DWaa, Matrix<double> Dba);

/// <summary>The gradients of a whole sequence through the RNN (backpropagation through time).</summary>
/// <param name="Dx">∂L/∂x⟨t⟩ for t = 1 … T_x, each (n_x, m).</param>
/// <param name="Da0">∂L/∂a⟨0⟩ (n_a, m), the gradient of the initial state.</param>
/// <param name="DWax">(n_a, n_x), summed over the steps.</param>
/// <param name="DWaa">(n_a, n_a), summed over the steps.</param>
/// <param name="Dba">(n_a, 1), summed over the steps and the examples.</param>
public sealed record RnnGradients(IReadOnlyList<Matrix<double>> Dx, Matrix<double> Da0, Matrix<double> DWax,
    Matrix<double> DWaa, Matrix<double> Dba);

/// <summary>
/// The forward pass of the vanilla RNN over a whole sequence (deeplearning.ai's <c>rnn_forward</c>): the states, the
/// predictions and the caches that backpropagation through time reads, one of each per step t = 1 … T_x.
/// </summary>
/// <param name="A">a⟨t⟩ for t = 1 … T_x, each (n_a, m); a⟨0⟩ is not in the list.</param>
/// <param name="YPred">ŷ⟨t⟩ = softmax(Wya·a⟨t⟩ + by) for t = 1 … T_x, each (n_y, m).</param>
/// <param name="Caches">The cache of each step: a⟨t⟩, a⟨t−1⟩, x⟨t⟩ and the cell's weights.</param>
public sealed record RnnForwardPass(IReadOnlyList<Matrix<double>> A, IReadOnlyList<Matrix<double>> YPred,
    IReadOnlyList<RnnCellCache> Caches);
