using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Recurrent;

public class RnnCellTests
{
    [Theory]
    [InlineData(RnnActivation.Tanh)]
    [InlineData(RnnActivation.Relu)]
    public void Typed_backward_passes_the_gradient_check(RnnActivation activation)
    {
        var random = new Random(1);
        var cell = new RnnCell(3, 4, activation, seed: 2);
        var x = new Parameter("x", TestMatrices.Uniform(3, 2, random));
        var aPrev = new Parameter("a_prev", TestMatrices.Uniform(4, 2, random));
        var da = TestMatrices.Uniform(4, 2, random);

        var report = GradientCheck.Run(
            () => TestMatrices.Dot(cell.Forward(x.Value, aPrev.Value).A, da),
            () =>
            {
                var (_, cache) = cell.Forward(x.Value, aPrev.Value);
                var grads = cell.Backward(da, cache);
                cell.Accumulate(grads);
                x.Accumulate(grads.Dx);
                aPrev.Accumulate(grads.DaPrev);
            },
            cell.Parameters(), [x, aPrev]);

        TestMatrices.AssertPassed(report);
        Assert.Equal(["Wax", "Waa", "ba", "x", "a_prev"], report.Entries.Select(e => e.Name));
    }

    [Fact]
    public void Forward_is_the_lesson_equation()
    {
        var cell = new RnnCell(2, 3, RnnActivation.Tanh, seed: 5);
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 0.5 }, { -1.0 } });
        var aPrev = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1 }, { 0.2 }, { -0.3 } });
        var expected = (cell.Waa.Value * aPrev + cell.Wax.Value * x + cell.Ba.Value).PointwiseTanh();
        var (a, _) = cell.Forward(x, aPrev);
        Assert.True((a - expected).FrobeniusNorm() < 1e-15);
    }

    [Fact]
    public void Relu_cell_clips_negative_preactivations()
    {
        var cell = new RnnCell(1, 1, RnnActivation.Relu, seed: 0);
        cell.Wax.Value[0, 0] = 1;
        cell.Waa.Value[0, 0] = 0;
        cell.Ba.Value[0, 0] = 0;
        var (a, _) = cell.Forward(Matrix<double>.Build.DenseOfArray(new[,] { { -2.0, 3.0 } }), Matrix<double>.Build.Dense(1, 2));
        Assert.Equal([0.0, 3.0], a.Row(0).ToArray());
    }

    [Fact]
    public void Same_seed_same_weights_different_seed_different_weights()
    {
        var a = new RnnCell(3, 4, seed: 7);
        var b = new RnnCell(3, 4, seed: 7);
        var c = new RnnCell(3, 4, seed: 8);
        Assert.Equal(a.Wax.Value, b.Wax.Value);
        Assert.NotEqual(a.Wax.Value, c.Wax.Value);
        Assert.All(a.Parameters().SelectMany(p => p.Value.Enumerate()), v => Assert.InRange(v, -0.5, 0.5));
    }

    [Fact]
    public void Shape_mismatch_names_both_shapes()
    {
        var cell = new RnnCell(3, 4);
        var e = Assert.Throws<ShapeMismatchException>(() => cell.Forward(Matrix<double>.Build.Dense(3, 2), Matrix<double>.Build.Dense(5, 2)));
        Assert.Contains("a_prev", e.Message);
        Assert.Contains("(4, 2)", e.Message);
        Assert.Contains("(5, 2)", e.Message);
        var ex = Assert.Throws<ShapeMismatchException>(() => cell.Forward(Matrix<double>.Build.Dense(2, 2), Matrix<double>.Build.Dense(4, 2)));
        Assert.Contains("(2, 2)", ex.Message);
    }
}
