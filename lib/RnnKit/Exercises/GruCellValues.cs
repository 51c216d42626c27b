using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

/// <summary>
/// The weights of a GRU cell in lesson 06's (and PyTorch's) form, per gate: the reset gate r, the update gate z and
/// the candidate n, each with an input matrix W_x· (n_h, n_x), a recurrent matrix W_h· (n_h, n_h) and a bias
/// (n_h, 1); the candidate keeps its recurrent bias b_hn apart, inside the reset gate's product.
/// </summary>
public sealed record GruParameters(Matrix<double> Wxr, Matrix<double> Whr, Matrix<double> Br,
    Matrix<double> Wxz, Matrix<double> Whz, Matrix<double> Bz,
    Matrix<double> Wxn, Matrix<double> Whn, Matrix<double> Bxn, Matrix<double> Bhn);

/// <summary>
/// One GRU step and what its backward step needs: r = σ(W_xr x + W_hr h + b_r), z = σ(W_xz x + W_hz h + b_z),
/// n = tanh(W_xn x + b_xn + r ⊙ (W_hn h + b_hn)), h⟨t⟩ = (1 − z) ⊙ n + z ⊙ h⟨t−1⟩.
/// </summary>
/// <param name="HNext">h⟨t⟩ (n_h, m).</param>
/// <param name="HPrev">h⟨t−1⟩ (n_h, m).</param>
/// <param name="X">x⟨t⟩ (n_x, m).</param>
/// <param name="R">The reset gate r.</param>
/// <param name="Z">The update gate z.</param>
/// <param name="N">The candidate n.</param>
/// <param name="HiddenPart">W_hn h⟨t−1⟩ + b_hn, the product the reset gate scales.</param>
/// <param name="Parameters">The weights the step used.</param>
public sealed record GruCellCache(Matrix<double> HNext, Matrix<double> HPrev, Matrix<double> X, Matrix<double> R, Matrix<double> Z,
    Matrix<double> N, Matrix<double> HiddenPart, GruParameters Parameters);

/// <summary>The gradients of one GRU step: of its inputs and of every weight and bias.</summary>
public sealed record GruCellGradients(Matrix<double> Dx, Matrix<double> DhPrev,
    Matrix<double> DWxr, Matrix<double> DWhr, Matrix<double> Dbr,
    Matrix<double> DWxz, Matrix<double> DWhz, Matrix<double> Dbz,
    Matrix<double> DWxn, Matrix<double> DWhn, Matrix<double> Dbxn, Matrix<double> Dbhn);
