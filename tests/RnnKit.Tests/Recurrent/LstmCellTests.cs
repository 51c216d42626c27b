using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Recurrent;

public class LstmCellTests
{
    [Fact]
    public void Typed_backward_passes_the_gradient_check()
    {
        var random = new Random(3);
        var cell = new LstmCell(3, 4, seed: 4);
        var x = new Parameter("x", TestMatrices.Uniform(3, 2, random));
        var hPrev = new Parameter("h_prev", TestMatrices.Uniform(4, 2, random));
        var cPrev = new Parameter("c_prev", TestMatrices.Uniform(4, 2, random));
        var dh = TestMatrices.Uniform(4, 2, random);
        var dc = TestMatrices.Uniform(4, 2, random);

        double Loss()
        {
            var (h, c, _) = cell.Forward(x.Value, hPrev.Value, cPrev.Value);
            return TestMatrices.Dot(h, dh) + TestMatrices.Dot(c, dc);
        }

        var report = GradientCheck.Run(Loss, () =>
        {
            var (_, _, cache) = cell.Forward(x.Value, hPrev.Value, cPrev.Value);
            var grads = cell.Backward(dh, dc, cache);
            cell.Accumulate(grads);
            x.Accumulate(grads.Dx);
            hPrev.Accumulate(grads.DhPrev);
            cPrev.Accumulate(grads.DcPrev);
        }, cell.Parameters(), [x, hPrev, cPrev]);

        TestMatrices.AssertPassed(report);
        Assert.Equal(15, report.Entries.Count);
    }

    [Fact]
    public void Cell_state_follows_the_lesson_equations()
    {
        var random = new Random(9);
        var cell = new LstmCell(2, 3, seed: 1);
        var x = TestMatrices.Uniform(2, 1, random);
        var hPrev = TestMatrices.Uniform(3, 1, random);
        var cPrev = TestMatrices.Uniform(3, 1, random);
        Matrix<double> Gate(GateWeights g) => g.Wx.Value * x + g.Wh.Value * hPrev + g.B.Value;
        var f = Gate(cell.ForgetGate).Map(Activations.Sigmoid);
        var i = Gate(cell.InputGate).Map(Activations.Sigmoid);
        var cTilde = Gate(cell.Candidate).PointwiseTanh();
        var o = Gate(cell.OutputGate).Map(Activations.Sigmoid);
        var cExpected = f.PointwiseMultiply(cPrev) + i.PointwiseMultiply(cTilde);

        var (h, c, _) = cell.Forward(x, hPrev, cPrev);
        Assert.True((c - cExpected).FrobeniusNorm() < 1e-15);
        Assert.True((h - o.PointwiseMultiply(cExpected.PointwiseTanh())).FrobeniusNorm() < 1e-15);
    }

    [Fact]
    public void Has_four_gates_of_weights()
    {
        var cell = new LstmCell(5, 7);
        Assert.Equal(4 * (7 * 5 + 7 * 7 + 7), cell.ParameterCount());
        Assert.Equal(["Wxi", "Whi", "bi", "Wxf", "Whf", "bf", "Wxc", "Whc", "bc", "Wxo", "Who", "bo"], cell.Parameters().Select(p => p.Name));
    }

    [Fact]
    public void Shape_mismatch_names_both_shapes()
    {
        var cell = new LstmCell(3, 4);
        var e = Assert.Throws<ShapeMismatchException>(() =>
            cell.Forward(Matrix<double>.Build.Dense(3, 2), Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(4, 3)));
        Assert.Contains("c_prev", e.Message);
        Assert.Contains("(4, 2)", e.Message);
        Assert.Contains("(4, 3)", e.Message);
    }
}
