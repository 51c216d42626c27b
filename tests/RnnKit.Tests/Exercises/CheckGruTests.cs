using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>The GRU backward check: gradients by finite differences pass, and each hand-written mistake is named.</summary>
public class CheckGruTests
{
    private static Matrix<double> Sigmoid(Matrix<double> z) => z.Map(v => 1 / (1 + Math.Exp(-v)));

    private static Matrix<double> Ones(int columns) => Matrix<double>.Build.Dense(1, columns, 1.0);

    /// <summary>h⟨t⟩ of lesson 06's GRU step, written here.</summary>
    private static Matrix<double> Step(Matrix<double> x, Matrix<double> h, GruParameters p)
    {
        var m = x.ColumnCount;
        var r = Sigmoid(p.Wxr * x + p.Whr * h + p.Br * Ones(m));
        var z = Sigmoid(p.Wxz * x + p.Whz * h + p.Bz * Ones(m));
        var n = (p.Wxn * x + p.Bxn * Ones(m) + r.PointwiseMultiply(p.Whn * h + p.Bhn * Ones(m))).Map(Math.Tanh);
        return (1 - z).PointwiseMultiply(n) + z.PointwiseMultiply(h);
    }

    private static GruCellGradients Numeric(Matrix<double> dh, GruCellCache c)
    {
        const double eps = 1e-6;
        double Loss(Matrix<double> x, Matrix<double> h, GruParameters p) => dh.PointwiseMultiply(Step(x, h, p)).Enumerate().Sum();
        Matrix<double> D(Matrix<double> v, Func<Matrix<double>, double> loss) => Matrix<double>.Build.Dense(v.RowCount, v.ColumnCount, (i, j) =>
        {
            var up = v.Clone(); up[i, j] += eps;
            var down = v.Clone(); down[i, j] -= eps;
            return (loss(up) - loss(down)) / (2 * eps);
        });
        var p = c.Parameters;
        Matrix<double> W(Matrix<double> w, Func<Matrix<double>, GruParameters> with) => D(w, v => Loss(c.X, c.HPrev, with(v)));
        return new GruCellGradients(D(c.X, x => Loss(x, c.HPrev, p)), D(c.HPrev, h => Loss(c.X, h, p)),
            W(p.Wxr, v => p with { Wxr = v }), W(p.Whr, v => p with { Whr = v }), W(p.Br, v => p with { Br = v }),
            W(p.Wxz, v => p with { Wxz = v }), W(p.Whz, v => p with { Whz = v }), W(p.Bz, v => p with { Bz = v }),
            W(p.Wxn, v => p with { Wxn = v }), W(p.Whn, v => p with { Whn = v }), W(p.Bxn, v => p with { Bxn = v }), W(p.Bhn, v => p with { Bhn = v }));
    }

    [Fact]
    public void Gradients_by_finite_differences_pass() => Check.GruCellBackward(Numeric, new StepSizes(Batch: 4));

    /// <summary>A student's backward step with optional mistakes.</summary>
    private static GruCellGradients Backward(Matrix<double> dh, GruCellCache c, string mistake = "")
    {
        var p = c.Parameters;
        var dn = dh.PointwiseMultiply(mistake == "z" ? c.Z : 1 - c.Z);
        var dz = dh.PointwiseMultiply(mistake == "sign" ? c.N - c.HPrev : c.HPrev - c.N);
        var dnPre = mistake == "tanh" ? dn : dn.PointwiseMultiply(1 - c.N.PointwisePower(2));
        var dHidden = dnPre.PointwiseMultiply(c.R);
        var dr = dnPre.PointwiseMultiply(mistake == "bias" ? p.Whn * c.HPrev : p.Whn * c.HPrev + p.Bhn * Ones(dh.ColumnCount));
        var drPre = dr.PointwiseMultiply(c.R).PointwiseMultiply(1 - c.R);
        var dzPre = dz.PointwiseMultiply(c.Z).PointwiseMultiply(1 - c.Z);
        var dhPrev = p.Whr.Transpose() * drPre + p.Whz.Transpose() * dzPre + p.Whn.Transpose() * dHidden;
        if (mistake != "direct") dhPrev += dh.PointwiseMultiply(c.Z);
        return new GruCellGradients(p.Wxr.Transpose() * drPre + p.Wxz.Transpose() * dzPre + p.Wxn.Transpose() * dnPre, dhPrev,
            drPre * c.X.Transpose(), drPre * c.HPrev.Transpose(), drPre.RowSums().ToColumnMatrix(),
            dzPre * c.X.Transpose(), dzPre * c.HPrev.Transpose(), dzPre.RowSums().ToColumnMatrix(),
            dnPre * c.X.Transpose(), (mistake == "whn" ? dnPre : dHidden) * c.HPrev.Transpose(),
            dnPre.RowSums().ToColumnMatrix(), dHidden.RowSums().ToColumnMatrix());
    }

    [Fact]
    public void A_right_backward_step_passes() => Check.GruCellBackward((dh, c) => Backward(dh, c));

    [Theory]
    [InlineData("sign", "the update gate's gradient has the wrong sign", "dWxz is wrong")]
    [InlineData("direct", "dh_prev misses the direct path", "Right already: dx, dWxr")]
    [InlineData("z", "the candidate's share of dh is weighted by z", "dWxn is wrong")]
    [InlineData("bias", "the reset gate's gradient leaves out b_hn", "dbr is wrong")]
    [InlineData("whn", "W_hn's gradient misses the reset gate", "Right already: dx, dh_prev")]
    [InlineData("tanh", "the candidate's tanh derivative is missing", "dbxn is wrong")]
    public void A_wrong_backward_step_is_named(string mistake, string expected, string alsoExpected)
    {
        var message = Assert.Throws<CheckFailedException>(() => Check.GruCellBackward((dh, c) => Backward(dh, c, mistake))).Message;
        Assert.Contains(expected, message);
        Assert.Contains(alsoExpected, message);
    }
}
