using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Reservoir;

public class RidgeRegressionTests
{
    private static readonly Matrix<double> X = Matrix<double>.Build.Random(4, 50, new Normal(0, 1, new Random(2)));
    private static readonly Matrix<double> WTrue = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2, 0.5, 3 }, { 0, 1, 1, -1 } });

    [Fact]
    public void Without_penalty_it_recovers_an_exact_linear_map()
    {
        var w = RidgeRegression.Solve(X, WTrue * X, 0);
        Assert.True((w - WTrue).FrobeniusNorm() < 1e-10);
    }

    [Fact]
    public void With_penalty_the_gradient_of_the_penalised_loss_is_zero_and_the_weights_shrink()
    {
        var y = WTrue * X + Matrix<double>.Build.Random(2, 50, new Normal(0, 0.1, new Random(3)));
        const double Lambda = 20;
        var w = RidgeRegression.Solve(X, y, Lambda);
        // ∂/∂W (‖W X − Y‖² + λ‖W‖²) = 2(W X − Y)Xᵀ + 2λW
        var gradient = (w * X - y).TransposeAndMultiply(X) + Lambda * w;
        Assert.True(gradient.FrobeniusNorm() < 1e-9, $"gradient norm {gradient.FrobeniusNorm()}");
        Assert.True(w.FrobeniusNorm() < RidgeRegression.Solve(X, y, 0).FrobeniusNorm());
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        Assert.Throws<ArgumentException>(() => RidgeRegression.Solve(X, Matrix<double>.Build.Dense(2, 49), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RidgeRegression.Solve(X, WTrue * X, -1));
    }
}
