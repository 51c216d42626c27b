using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

/// <summary>
/// The weights of an LSTM cell in deeplearning.ai's concatenated form: every gate reads [a⟨t−1⟩; x⟨t⟩], the
/// previous state on top, so each W is (n_a, n_a + n_x) and each b is (n_a, 1). Lesson 05 writes the same cell with
/// separate input and recurrent matrices; W = [W_h | W_x] joins them (docs/glossary.md has the table).
/// </summary>
public sealed record LstmParameters(Matrix<double> Wf, Matrix<double> Bf, Matrix<double> Wi, Matrix<double> Bi,
    Matrix<double> Wc, Matrix<double> Bc, Matrix<double> Wo, Matrix<double> Bo);

/// <summary>
/// One LSTM step and what its backward step needs: Γf = σ(Wf·[a⟨t−1⟩; x⟨t⟩] + bf), Γi, Γo likewise,
/// c̃ = tanh(Wc·[a⟨t−1⟩; x⟨t⟩] + bc), c⟨t⟩ = Γf ⊙ c⟨t−1⟩ + Γi ⊙ c̃, a⟨t⟩ = Γo ⊙ tanh(c⟨t⟩).
/// </summary>
/// <param name="ANext">a⟨t⟩ (n_a, m).</param>
/// <param name="CNext">c⟨t⟩ (n_a, m).</param>
/// <param name="APrev">a⟨t−1⟩ (n_a, m).</param>
/// <param name="CPrev">c⟨t−1⟩ (n_a, m).</param>
/// <param name="Ft">Γf, the forget gate (n_a, m).</param>
/// <param name="It">Γi, the update (input) gate.</param>
/// <param name="Cct">c̃, the candidate.</param>
/// <param name="Ot">Γo, the output gate.</param>
/// <param name="Xt">x⟨t⟩ (n_x, m).</param>
/// <param name="Parameters">The weights the step used.</param>
public sealed record LstmCellCache(Matrix<double> ANext, Matrix<double> CNext, Matrix<double> APrev, Matrix<double> CPrev,
    Matrix<double> Ft, Matrix<double> It, Matrix<double> Cct, Matrix<double> Ot, Matrix<double> Xt, LstmParameters Parameters);

/// <summary>
/// The gradients of one LSTM step: of its inputs, and of each gate's weights and bias. The gate weights' gradients
/// are (n_a, n_a + n_x) like the weights.
/// </summary>
public sealed record LstmCellGradients(Matrix<double> Dxt, Matrix<double> DaPrev, Matrix<double> DcPrev,
    Matrix<double> DWf, Matrix<double> Dbf, Matrix<double> DWi, Matrix<double> Dbi,
    Matrix<double> DWc, Matrix<double> Dbc, Matrix<double> DWo, Matrix<double> Dbo);
