using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Core;

public class ShapeTests
{
    [Fact]
    public void Require_names_both_shapes()
    {
        var m = Matrix<double>.Build.Dense(3, 4);
        var e = Assert.Throws<ShapeMismatchException>(() => Shape.Require(m, 5, 4, "Wax"));
        Assert.Contains("Wax", e.Message);
        Assert.Contains("(5, 4)", e.Message);
        Assert.Contains("(3, 4)", e.Message);
    }

    [Fact]
    public void Parameter_accumulates_gradients_of_its_own_shape_only()
    {
        var p = new Parameter("ba", Matrix<double>.Build.Dense(2, 1, 1.0));
        p.Accumulate(Matrix<double>.Build.Dense(2, 1, 0.5));
        p.Accumulate(Matrix<double>.Build.Dense(2, 1, 0.25));
        Assert.Equal(0.75, p.Grad[1, 0]);
        Assert.Throws<ShapeMismatchException>(() => p.Accumulate(Matrix<double>.Build.Dense(1, 2)));
        p.ZeroGrad();
        Assert.Equal(0.0, p.Grad[0, 0]);
    }
}
