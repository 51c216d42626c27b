using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Training;

public class GradientClippingTests
{
    private static (Parameter A, Parameter B) Grads(double scale)
    {
        var a = new Parameter("a", Matrix<double>.Build.Dense(2, 2));
        var b = new Parameter("b", Matrix<double>.Build.Dense(3, 1));
        a.Accumulate(scale * Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, -2.0 }, { 0.5, 3.0 } }));
        b.Accumulate(scale * Matrix<double>.Build.DenseOfColumnArrays([-1.0, 4.0, 0.25]));
        return (a, b);
    }

    [Fact]
    public void Global_norm_is_over_all_parameters_together()
    {
        var (a, b) = Grads(1);
        var expected = Math.Sqrt(1 + 4 + 0.25 + 9 + 1 + 16 + 0.0625);
        Assert.Equal(expected, GradientClipping.GlobalNorm([a, b]), 12);
    }

    [Fact]
    public void Clipping_bounds_the_norm_and_keeps_the_direction()
    {
        var (a, b) = Grads(100);
        var before = a.Grad.Clone();
        var normBefore = GradientClipping.GlobalNorm([a, b]);

        var returned = GradientClipping.ClipByGlobalNorm([a, b], maxNorm: 5);

        Assert.Equal(normBefore, returned, 12);
        var after = GradientClipping.GlobalNorm([a, b]);
        Assert.True(after <= 5 + 1e-12, $"norm after clipping is {after}");
        Assert.Equal(5, after, 9);
        // same direction: every entry scaled by the same positive factor
        var ratio = a.Grad[0, 0] / before[0, 0];
        Assert.True(ratio > 0);
        Assert.True((a.Grad - ratio * before).FrobeniusNorm() < 1e-12);
        Assert.Equal(5 / normBefore, ratio, 12);
    }

    [Fact]
    public void Clipping_leaves_small_gradients_alone()
    {
        var (a, b) = Grads(0.01);
        var before = b.Grad.Clone();
        GradientClipping.ClipByGlobalNorm([a, b], maxNorm: 5);
        Assert.Equal(before, b.Grad);
    }

    [Fact]
    public void Clip_by_value_clamps_each_entry()
    {
        var (a, b) = Grads(1);
        GradientClipping.ClipByValue([a, b], limit: 1);
        Assert.Equal([1.0, 0.5, -1.0, 1.0], a.Grad.ToColumnMajorArray());
        Assert.Equal([-1.0, 1.0, 0.25], b.Grad.ToColumnMajorArray());
    }

    [Fact]
    public void Non_positive_threshold_is_refused()
    {
        var (a, _) = Grads(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm([a], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByValue([a], -1));
    }
}
