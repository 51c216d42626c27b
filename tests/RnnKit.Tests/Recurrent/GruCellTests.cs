using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Recurrent;

public class GruCellTests
{
    [Fact]
    public void Typed_backward_passes_the_gradient_check()
    {
        var random = new Random(5);
        var cell = new GruCell(3, 4, seed: 6);
        var x = new Parameter("x", TestMatrices.Uniform(3, 2, random));
        var hPrev = new Parameter("h_prev", TestMatrices.Uniform(4, 2, random));
        var dh = TestMatrices.Uniform(4, 2, random);

        var report = GradientCheck.Run(
            () => TestMatrices.Dot(cell.Forward(x.Value, hPrev.Value).H, dh),
            () =>
            {
                var (_, cache) = cell.Forward(x.Value, hPrev.Value);
                var grads = cell.Backward(dh, cache);
                cell.Accumulate(grads);
                x.Accumulate(grads.Dx);
                hPrev.Accumulate(grads.DhPrev);
            },
            cell.Parameters(), [x, hPrev]);

        TestMatrices.AssertPassed(report);
        Assert.Equal(12, report.Entries.Count);
    }

    [Fact]
    public void Reset_gate_scales_the_hidden_part_including_its_bias()
    {
        // with r = 0 (br → −∞) the candidate ignores Whn·h + bhn entirely, as in PyTorch
        var cell = new GruCell(1, 1, seed: 3);
        cell.ResetGate.B.Value[0, 0] = -1e3;
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 0.7 } });
        var hPrev = Matrix<double>.Build.DenseOfArray(new[,] { { -0.4 } });
        var (h, cache) = cell.Forward(x, hPrev);
        var n = Math.Tanh(cell.Candidate.Wx.Value[0, 0] * 0.7 + cell.Candidate.B.Value[0, 0]);
        Assert.Equal(n, cache.N[0, 0], 12);
        var z = cache.Z[0, 0];
        Assert.Equal((1 - z) * n + z * -0.4, h[0, 0], 12);
    }

    [Fact]
    public void Shape_mismatch_names_both_shapes()
    {
        var cell = new GruCell(3, 4);
        var (_, cache) = cell.Forward(Matrix<double>.Build.Dense(3, 2), Matrix<double>.Build.Dense(4, 2));
        var e = Assert.Throws<ShapeMismatchException>(() => cell.Backward(Matrix<double>.Build.Dense(4, 5), cache));
        Assert.Contains("(4, 5)", e.Message);
        Assert.Contains("(4, 2)", e.Message);
    }
}
