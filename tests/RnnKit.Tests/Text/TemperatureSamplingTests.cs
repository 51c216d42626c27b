using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

public class TemperatureSamplingTests
{
    private static readonly double[] Logits = [2.0, 1.0, 0.0, -1.0];

    [Fact]
    public void Softmax_at_T_1_is_the_ordinary_softmax()
    {
        var p = TemperatureSampling.Softmax(Logits, 1.0);
        var expected = Activations.Softmax(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfColumnArrays(Logits)).Column(0);
        for (var i = 0; i < p.Length; i++)
            Assert.Equal(expected[i], p[i], 12);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(10.0)]
    public void Softmax_is_a_distribution_proportional_to_exp_z_over_T(double temperature)
    {
        var p = TemperatureSampling.Softmax(Logits, temperature);
        Assert.Equal(1.0, p.Sum(), 12);
        Assert.All(p, pi => Assert.True(pi > 0));
        for (var i = 1; i < p.Length; i++)
            Assert.Equal(Math.Exp((Logits[i] - Logits[0]) / temperature), p[i] / p[0], 10);
    }

    [Fact]
    public void Low_temperature_sharpens_and_high_temperature_flattens()
    {
        var cold = TemperatureSampling.Softmax(Logits, 0.1);
        var warm = TemperatureSampling.Softmax(Logits, 1.0);
        var hot = TemperatureSampling.Softmax(Logits, 100.0);
        Assert.True(cold[0] > 0.9999, $"at T = 0.1 the top token has {cold[0]}");
        Assert.True(cold[0] > warm[0] && warm[0] > hot[0]);
        Assert.All(hot, pi => Assert.Equal(0.25, pi, 2));
    }

    [Fact]
    public void Softmax_is_stable_for_large_logits_and_gives_minus_infinity_zero()
    {
        var p = TemperatureSampling.Softmax([1000.0, 999.0, double.NegativeInfinity], 0.5);
        Assert.Equal(1 / (1 + Math.Exp(-2)), p[0], 12);
        Assert.Equal(0.0, p[2]);
    }

    [Fact]
    public void Float_logits_give_the_same_distribution()
    {
        var p = TemperatureSampling.Softmax(Logits.Select(z => (float)z).ToArray().AsSpan(), 0.7);
        var q = TemperatureSampling.Softmax(Logits, 0.7);
        for (var i = 0; i < p.Length; i++)
            Assert.Equal(q[i], p[i], 12);
    }

    [Fact]
    public void Draw_is_the_inverse_CDF_of_one_NextDouble()
    {
        double[] p = [0.1, 0.0, 0.6, 0.3];
        var draws = new Random(7);
        var uniforms = new Random(7);
        for (var n = 0; n < 200; n++)
        {
            var u = uniforms.NextDouble();
            var expected = u < 0.1 ? 0 : u < 0.7 ? 2 : 3;
            Assert.Equal(expected, TemperatureSampling.Draw(p, draws));
        }
    }

    [Fact]
    public void Draw_frequencies_match_the_probabilities()
    {
        var p = TemperatureSampling.Softmax(Logits, 1.5);
        var random = new Random(3);
        var counts = new int[p.Length];
        const int draws = 40_000;
        for (var n = 0; n < draws; n++)
            counts[TemperatureSampling.Draw(p, random)]++;
        for (var i = 0; i < p.Length; i++)
        {
            var standardError = Math.Sqrt(p[i] * (1 - p[i]) / draws);
            Assert.True(Math.Abs(counts[i] / (double)draws - p[i]) < 5 * standardError,
                $"token {i}: frequency {counts[i] / (double)draws:F4}, probability {p[i]:F4}");
        }
    }

    [Fact]
    public void Sample_never_draws_a_forbidden_token_and_is_reproducible()
    {
        double[] z = [0.0, double.NegativeInfinity, 0.0];
        var first = new Random(5);
        var second = new Random(5);
        for (var n = 0; n < 100; n++)
        {
            var token = TemperatureSampling.Sample(z, 2.0, first);
            Assert.NotEqual(1, token);
            Assert.Equal(token, TemperatureSampling.Sample(z, 2.0, second));
        }
    }

    [Fact]
    public void Argmax_takes_the_first_of_the_largest()
    {
        Assert.Equal(1, TemperatureSampling.Argmax([0f, 3f, 3f, -1f]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_temperature_that_is_not_positive_and_finite_is_refused(double temperature)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TemperatureSampling.Softmax(Logits, temperature));
        Assert.Contains("temperature", e.Message);
    }

    [Fact]
    public void Bad_logits_and_probabilities_are_refused_with_the_index()
    {
        Assert.Contains("logit 1", Assert.Throws<ArgumentException>(() => TemperatureSampling.Softmax([0.0, double.NaN], 1.0)).Message);
        Assert.Contains("every logit", Assert.Throws<ArgumentException>(() => TemperatureSampling.Softmax([double.NegativeInfinity], 1.0)).Message);
        Assert.Contains("probability 1", Assert.Throws<ArgumentException>(() => TemperatureSampling.Draw([0.5, -0.5], new Random(0))).Message);
        Assert.Throws<ArgumentException>(() => TemperatureSampling.Draw([0.0, 0.0], new Random(0)));
    }
}
