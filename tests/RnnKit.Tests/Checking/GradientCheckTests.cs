using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Checking;

public class GradientCheckTests
{
    [Fact]
    public void A_wrong_backward_is_caught_and_named()
    {
        var w = new Parameter("W", Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 } }));
        var b = new Parameter("b", Matrix<double>.Build.DenseOfArray(new[,] { { 0.5 } }));
        double Loss() => Math.Pow(w.Value[0, 0] * 3 + w.Value[0, 1] + b.Value[0, 0], 2);
        var report = GradientCheck.Run(Loss, () =>
        {
            var s = w.Value[0, 0] * 3 + w.Value[0, 1] + b.Value[0, 0];
            w.Accumulate(Matrix<double>.Build.DenseOfArray(new[,] { { 2 * s * 3, 2 * s } }));
            b.Accumulate(Matrix<double>.Build.DenseOfArray(new[,] { { s } })); // wrong: missing the factor 2
        }, [w, b]);

        Assert.False(report.Passed);
        Assert.Equal("b", Assert.Single(report.Failures).Name);
        Assert.True(report.Entries[0].RelativeError < 1e-9);
        Assert.Contains("FAIL", report.ToString());
        Assert.Contains("FAILED", report.ToString());
    }

    [Fact]
    public void Relative_error_is_zero_for_two_zero_gradients_and_one_for_opposite_ones()
    {
        var zero = Matrix<double>.Build.Dense(2, 2);
        Assert.Equal(0, GradientCheck.RelativeError(zero, zero));
        var one = Matrix<double>.Build.Dense(2, 2, 1);
        Assert.Equal(1, GradientCheck.RelativeError(one, -one), 12);
    }

    [Fact]
    public void Values_are_restored_after_the_check()
    {
        var w = new Parameter("W", Matrix<double>.Build.DenseOfArray(new[,] { { 0.3, -0.7 } }));
        var before = w.Value.Clone();
        GradientCheck.Run(() => w.Value.Enumerate().Sum(v => v * v), () => w.Accumulate(2 * w.Value), [w]);
        Assert.Equal(before, w.Value);
    }
}
