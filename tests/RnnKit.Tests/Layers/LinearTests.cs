using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Layers;

public class LinearTests
{
    [Fact]
    public void Backward_passes_the_gradient_check()
    {
        var random = new Random(61);
        var linear = new Linear(4, 3, seed: 62);
        var x = new Parameter("x", TestMatrices.Uniform(4, 5, random));
        var dy = TestMatrices.Uniform(3, 5, random);
        var report = GradientCheck.Run(
            () => TestMatrices.Dot(linear.Forward(x.Value).Y, dy),
            () =>
            {
                var (_, cache) = linear.Forward(x.Value);
                var grads = linear.Backward(dy, cache);
                linear.Accumulate(grads);
                x.Accumulate(grads.Dx);
            }, linear.Parameters(), [x]);
        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Computes_w_x_plus_b_for_every_column()
    {
        var linear = new Linear(2, 1);
        linear.W.Value.SetRow(0, [2.0, -1.0]);
        linear.B.Value[0, 0] = 0.5;
        var (y, _) = linear.Forward(Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.0 }, { 1.0, 2.0 } }));
        Assert.Equal([1.5, -1.5], y.Row(0).ToArray());
    }

    [Fact]
    public void Shape_mismatch_names_both_shapes()
    {
        var linear = new Linear(4, 3);
        var e = Assert.Throws<ShapeMismatchException>(() => linear.Forward(Matrix<double>.Build.Dense(5, 2)));
        Assert.Contains("(4, m)", e.Message);
        Assert.Contains("(5, 2)", e.Message);
    }
}
