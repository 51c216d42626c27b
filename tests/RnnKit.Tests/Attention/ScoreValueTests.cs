using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Attention;

/// <summary>The forward values of the scores on examples worked by hand.</summary>
public class ScoreValueTests
{
    private static readonly Matrix<double> Z = Matrix<double>.Build.DenseOfColumnArrays([1.0, 2.0, 0.0, 2.0]);
    private static readonly Matrix<double> H0 = Matrix<double>.Build.DenseOfColumnArrays([3.0, 0.0, 1.0, 0.0]);
    private static readonly Matrix<double> H1 = Matrix<double>.Build.DenseOfColumnArrays([2.0, 4.0, 0.0, 4.0]);

    [Fact]
    public void Dot_and_scaled_dot()
    {
        var (dot, _) = new DotScore(4).Forward(Z, [H0, H1]);
        Assert.Equal([3.0, 18.0], dot.Column(0).ToArray());
        var (scaled, _) = new DotScore(4, scaled: true).Forward(Z, [H0, H1]);
        Assert.Equal([1.5, 9.0], scaled.Column(0).ToArray());
    }

    [Fact]
    public void Cosine_is_one_for_parallel_vectors_and_refuses_zero_vectors()
    {
        var (e, _) = new CosineScore(4).Forward(Z, [H0, H1]);
        Assert.Equal(3.0 / (3 * Math.Sqrt(10)), e[0, 0], 12);
        Assert.Equal(1.0, e[1, 0], 12);
        var zero = Matrix<double>.Build.Dense(4, 1);
        var ex = Assert.Throws<ArgumentException>(() => new CosineScore(4).Forward(Z, [H0, zero]));
        Assert.Contains("h_1", ex.Message);
    }

    [Fact]
    public void Bilinear_with_identity_is_the_dot_score()
    {
        var bilinear = new BilinearScore(4, 4);
        bilinear.W.Value.SetSubMatrix(0, 0, Matrix<double>.Build.DenseIdentity(4));
        var (e, _) = bilinear.Forward(Z, [H0, H1]);
        Assert.Equal([3.0, 18.0], e.Column(0).ToArray());
    }

    [Fact]
    public void Additive_is_v_dot_tanh_of_the_projections()
    {
        var additive = new AdditiveScore(querySize: 4, keySize: 4, attentionSize: 2);
        additive.W1.Value.SetSubMatrix(0, 0, Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0, 0, 0 }, { 0, 0, 0, 0.2 } }));
        additive.W2.Value.SetSubMatrix(0, 0, Matrix<double>.Build.DenseOfArray(new[,] { { 0.5, 0, 0, 0 }, { 0, 0, 0, 0 } }));
        additive.V.Value.SetSubMatrix(0, 0, Matrix<double>.Build.DenseOfColumnArrays([2.0, -1.0]));
        var (e, _) = additive.Forward(Z, [H0]);
        Assert.Equal(2 * Math.Tanh(0.1 + 1.5) - Math.Tanh(0.4), e[0, 0], 12);
    }

    [Fact]
    public void Scores_are_per_example_column()
    {
        var z = Matrix<double>.Build.DenseOfColumnArrays([1.0, 0.0], [0.0, 1.0]);
        var h = Matrix<double>.Build.DenseOfColumnArrays([5.0, 7.0], [5.0, 7.0]);
        var (e, _) = new DotScore(2).Forward(z, [h]);
        Assert.Equal([5.0, 7.0], e.Row(0).ToArray());
    }

    [Fact]
    public void Sizes_that_cannot_be_compared_are_refused_when_built()
    {
        var ex = Assert.Throws<ArgumentException>(() => AttentionScores.Create(ScoreKind.Dot, 3, 4, 5, new Random(0)));
        Assert.Contains("3 rows", ex.Message);
        Assert.Contains("4", ex.Message);
    }
}
