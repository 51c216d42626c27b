using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Layers;

public class MixtureDensityOutputTests
{
    private static (Matrix<double> Y, Matrix<double> Targets) Case(MixtureDensityOutput mdn, int n, Random random)
    {
        var y = TestMatrices.Uniform(mdn.InputSize, n, random);
        var targets = Matrix<double>.Build.Dense(3, n, (r, j) => r < 2 ? 2 * random.NextDouble() - 1 : random.Next(2));
        return (y, targets);
    }

    [Fact]
    public void Backward_passes_the_gradient_check()
    {
        var random = new Random(3);
        var mdn = new MixtureDensityOutput(3);
        var (y0, targets) = Case(mdn, 5, random);
        var y = new Parameter("ŷ", y0);
        double[] weights = [1, 0, 0.5, 2, 1];
        var report = GradientCheck.Run(
            () => mdn.Forward(y.Value, targets, weights).Loss.Total,
            () => y.Accumulate(mdn.Backward(mdn.Forward(y.Value, targets, weights).Cache)),
            [], [y]);
        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Gradient_of_a_masked_position_is_zero()
    {
        var mdn = new MixtureDensityOutput(2);
        var (y, targets) = Case(mdn, 3, new Random(4));
        var dy = mdn.Backward(mdn.Forward(y, targets, [1, 0, 1]).Cache);
        Assert.All(dy.Column(1).ToArray(), v => Assert.Equal(0, v));
    }

    [Fact]
    public void One_component_without_correlation_is_two_independent_normals()
    {
        var expected = Normal(0.3, 0.1, 0.5) + Normal(-1.2, 0.4, 2.0);
        Assert.Equal(expected, MixtureDensityOutput.LogDensity(0.3, -1.2, 0.1, 0.4, 0.5, 2.0, 0), 12);
        static double Normal(double x, double mu, double sigma) =>
            -Math.Log(sigma * Math.Sqrt(2 * Math.PI)) - (x - mu) * (x - mu) / (2 * sigma * sigma);
    }

    [Fact]
    public void Loss_splits_into_the_offset_and_pen_terms()
    {
        var mdn = new MixtureDensityOutput(1);
        // ŷ: π logit, μx, μy, log σx, log σy, ρ̂, ŷe — one standard normal, pen-up probability ½
        var y = Matrix<double>.Build.DenseOfColumnArrays([0.0, 0, 0, 0, 0, 0, 0]);
        var targets = Matrix<double>.Build.DenseOfColumnArrays([0.0, 0, 1]);
        var (loss, _) = mdn.Forward(y, targets);
        Assert.Equal(Math.Log(2 * Math.PI), loss.Offset, 12);
        Assert.Equal(Math.Log(2), loss.Pen, 12);
        Assert.Equal(loss.Offset + loss.Pen, loss.Total, 12);
    }

    [Fact]
    public void Samples_have_the_components_means_spreads_and_correlation()
    {
        var mdn = new MixtureDensityOutput(1);
        var y = Matrix<double>.Build.DenseOfColumnArrays([0.0, 1.5, -0.5, Math.Log(0.5), Math.Log(2), Math.Atanh(0.6), Math.Log(0.25 / 0.75)]);
        var random = new Random(5);
        var draws = Enumerable.Range(0, 40_000).Select(_ => mdn.Sample(y, 0, random)).ToArray();
        double mx = draws.Average(d => d.Dx), my = draws.Average(d => d.Dy);
        double sx = Math.Sqrt(draws.Average(d => (d.Dx - mx) * (d.Dx - mx))), sy = Math.Sqrt(draws.Average(d => (d.Dy - my) * (d.Dy - my)));
        var rho = draws.Average(d => (d.Dx - mx) * (d.Dy - my)) / (sx * sy);
        Assert.InRange(mx, 1.5 - 0.03, 1.5 + 0.03);
        Assert.InRange(my, -0.5 - 0.03, -0.5 + 0.03);
        Assert.InRange(sx, 0.5 - 0.03, 0.5 + 0.03);
        Assert.InRange(sy, 2.0 - 0.03, 2.0 + 0.03);
        Assert.InRange(rho, 0.6 - 0.03, 0.6 + 0.03);
        Assert.InRange(draws.Average(d => d.PenUp ? 1.0 : 0.0), 0.25 - 0.03, 0.25 + 0.03);
    }

    [Fact]
    public void A_bias_sharpens_the_mixture_and_narrows_the_components()
    {
        var mdn = new MixtureDensityOutput(2);
        var y = Matrix<double>.Build.DenseOfColumnArrays([1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var plain = mdn.Parameters(y);
        var biased = mdn.Parameters(y, bias: 2);
        Assert.True(biased.Pi[0, 0] > plain.Pi[0, 0]);
        Assert.Equal(Math.Exp(-2), biased.SigmaX[0, 0], 12);
    }

    [Fact]
    public void Wrong_shapes_name_what_is_wrong()
    {
        var mdn = new MixtureDensityOutput(2);
        var e = Assert.Throws<ShapeMismatchException>(() => mdn.Forward(Matrix<double>.Build.Dense(12, 4), Matrix<double>.Build.Dense(3, 4)));
        Assert.Contains("13", e.Message);
        var t = Assert.Throws<ShapeMismatchException>(() => mdn.Forward(Matrix<double>.Build.Dense(13, 4), Matrix<double>.Build.Dense(2, 4)));
        Assert.Contains("targets", t.Message);
    }
}
