using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>
/// The LSTM checks: a right answer passes (the backward check also accepts gradients taken by finite differences of
/// a forward step written here, which proves its reference), and each answer written with one known mistake gets a
/// message naming that mistake.
/// </summary>
public class CheckLstmTests
{
    private static Matrix<double> Sigmoid(Matrix<double> z) => z.Map(v => 1 / (1 + Math.Exp(-v)));

    private static Matrix<double> Affine(Matrix<double> w, Matrix<double> x, Matrix<double> b) =>
        w * x + b * Matrix<double>.Build.Dense(1, x.ColumnCount, 1.0);

    /// <summary>A student's forward step with optional mistakes.</summary>
    private static LstmCellCache Forward(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> cPrev, LstmParameters p,
        bool swapConcat = false, bool sigmoidCandidate = false, bool swapGates = false, bool noTanh = false)
    {
        var concat = swapConcat ? xt.Stack(aPrev) : aPrev.Stack(xt);
        var ft = Sigmoid(Affine(p.Wf, concat, p.Bf));
        var it = Sigmoid(Affine(p.Wi, concat, p.Bi));
        var zc = Affine(p.Wc, concat, p.Bc);
        var cct = sigmoidCandidate ? Sigmoid(zc) : zc.Map(Math.Tanh);
        var cNext = swapGates ? it.PointwiseMultiply(cPrev) + ft.PointwiseMultiply(cct) : ft.PointwiseMultiply(cPrev) + it.PointwiseMultiply(cct);
        var ot = Sigmoid(Affine(p.Wo, concat, p.Bo));
        var aNext = ot.PointwiseMultiply(noTanh ? cNext : cNext.Map(Math.Tanh));
        return new LstmCellCache(aNext, cNext, aPrev, cPrev, ft, it, cct, ot, xt, p);
    }

    private static string Failure(Action check) => Assert.Throws<CheckFailedException>(check).Message;

    [Fact]
    public void A_right_forward_step_passes() => Check.LstmCellForward((x, a, c, p) => Forward(x, a, c, p));

    [Theory]
    [InlineData("concat", "the concatenation is [x⟨t⟩; a⟨t−1⟩]")]
    [InlineData("candidate", "the candidate c̃ is squashed with σ")]
    [InlineData("gates", "the forget and update gates are swapped")]
    [InlineData("tanh", "the tanh of the cell is missing")]
    public void A_wrong_forward_step_is_named(string mistake, string expected) =>
        Assert.Contains(expected, Failure(() => Check.LstmCellForward((x, a, c, p) => Forward(x, a, c, p,
            swapConcat: mistake == "concat", sigmoidCandidate: mistake == "candidate", swapGates: mistake == "gates", noTanh: mistake == "tanh"))));

    /// <summary>
    /// Gradients of L = Σ da_next ⊙ a⟨t⟩ + Σ dc_next ⊙ c⟨t⟩ by central differences of <see cref="Forward"/>: a backward
    /// step owing nothing to the library's.
    /// </summary>
    private static LstmCellGradients Numeric(Matrix<double> daNext, Matrix<double> dcNext, LstmCellCache c)
    {
        const double h = 1e-6;
        double Loss(Matrix<double> x, Matrix<double> a, Matrix<double> cp, LstmParameters p)
        {
            var step = Forward(x, a, cp, p);
            return daNext.PointwiseMultiply(step.ANext).Enumerate().Sum() + dcNext.PointwiseMultiply(step.CNext).Enumerate().Sum();
        }
        Matrix<double> D(Matrix<double> m, Func<Matrix<double>, double> loss)
        {
            var g = Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount);
            for (var i = 0; i < m.RowCount; i++)
                for (var j = 0; j < m.ColumnCount; j++)
                {
                    var up = m.Clone(); up[i, j] += h;
                    var down = m.Clone(); down[i, j] -= h;
                    g[i, j] = (loss(up) - loss(down)) / (2 * h);
                }
            return g;
        }
        var p = c.Parameters;
        return new LstmCellGradients(
            D(c.Xt, x => Loss(x, c.APrev, c.CPrev, p)), D(c.APrev, a => Loss(c.Xt, a, c.CPrev, p)), D(c.CPrev, cp => Loss(c.Xt, c.APrev, cp, p)),
            D(p.Wf, w => Loss(c.Xt, c.APrev, c.CPrev, p with { Wf = w })), D(p.Bf, b => Loss(c.Xt, c.APrev, c.CPrev, p with { Bf = b })),
            D(p.Wi, w => Loss(c.Xt, c.APrev, c.CPrev, p with { Wi = w })), D(p.Bi, b => Loss(c.Xt, c.APrev, c.CPrev, p with { Bi = b })),
            D(p.Wc, w => Loss(c.Xt, c.APrev, c.CPrev, p with { Wc = w })), D(p.Bc, b => Loss(c.Xt, c.APrev, c.CPrev, p with { Bc = b })),
            D(p.Wo, w => Loss(c.Xt, c.APrev, c.CPrev, p with { Wo = w })), D(p.Bo, b => Loss(c.Xt, c.APrev, c.CPrev, p with { Bo = b })));
    }

    [Fact]
    public void Gradients_by_finite_differences_pass_the_backward_check() =>
        Check.LstmCellBackward(Numeric, new StepSizes(Batch: 4));

    /// <summary>A student's backward step (deeplearning.ai's formulas) with optional mistakes.</summary>
    private static LstmCellGradients Backward(Matrix<double> daNext, Matrix<double> dcNext, LstmCellCache c,
        bool forgetWithoutCPrev = false, bool noOutputPath = false, bool dcPrevWithoutForget = false, bool gateDerivativeWithoutComplement = false)
    {
        var na = c.ANext.RowCount;
        var tanhC = c.CNext.Map(Math.Tanh);
        Matrix<double> Sigma(Matrix<double> g) => gateDerivativeWithoutComplement ? g : g.PointwiseMultiply(1 - g);
        var dc = noOutputPath ? dcNext : dcNext + daNext.PointwiseMultiply(c.Ot).PointwiseMultiply(1 - tanhC.PointwisePower(2));
        var dot = daNext.PointwiseMultiply(tanhC).PointwiseMultiply(Sigma(c.Ot));
        var dcct = dc.PointwiseMultiply(c.It).PointwiseMultiply(1 - c.Cct.PointwisePower(2));
        var dit = dc.PointwiseMultiply(c.Cct).PointwiseMultiply(Sigma(c.It));
        var dft = (forgetWithoutCPrev ? dc : dc.PointwiseMultiply(c.CPrev)).PointwiseMultiply(Sigma(c.Ft));
        var p = c.Parameters;
        var concatT = c.APrev.Stack(c.Xt).Transpose();
        var dConcat = p.Wf.Transpose() * dft + p.Wi.Transpose() * dit + p.Wc.Transpose() * dcct + p.Wo.Transpose() * dot;
        return new LstmCellGradients(dConcat.SubMatrix(na, dConcat.RowCount - na, 0, dConcat.ColumnCount), dConcat.SubMatrix(0, na, 0, dConcat.ColumnCount),
            dcPrevWithoutForget ? dc : dc.PointwiseMultiply(c.Ft),
            dft * concatT, dft.RowSums().ToColumnMatrix(), dit * concatT, dit.RowSums().ToColumnMatrix(),
            dcct * concatT, dcct.RowSums().ToColumnMatrix(), dot * concatT, dot.RowSums().ToColumnMatrix());
    }

    [Fact]
    public void A_right_backward_step_passes() => Check.LstmCellBackward((da, dc, c) => Backward(da, dc, c));

    [Theory]
    [InlineData("forget", "the forget gate's gradient is missing c⟨t−1⟩", "dWf is wrong")]
    [InlineData("output", "the cell's gradient misses the path through a⟨t⟩", "dc_prev is wrong")]
    [InlineData("dcprev", "dc_prev is missing the forget gate", "Right already: dxt, da_prev, dWf")]
    [InlineData("sigma", "a gate's derivative is written Γ", "dWo is wrong")]
    public void A_wrong_backward_step_is_named(string mistake, string expected, string alsoExpected)
    {
        var message = Failure(() => Check.LstmCellBackward((da, dc, c) => Backward(da, dc, c, forgetWithoutCPrev: mistake == "forget",
            noOutputPath: mistake == "output", dcPrevWithoutForget: mistake == "dcprev", gateDerivativeWithoutComplement: mistake == "sigma")));
        Assert.Contains(expected, message);
        Assert.Contains(alsoExpected, message);
    }
}
