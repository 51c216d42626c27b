using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Attention;

public class AttentionTests
{
    public static TheoryData<ScoreKind> Kinds => [.. Enum.GetValues<ScoreKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Context_and_weights_backward_matches_finite_differences(ScoreKind kind)
    {
        const int querySize = 4;
        var keySize = kind is ScoreKind.Additive or ScoreKind.Bilinear ? 3 : querySize;
        var attention = new RnnKit.Attention(AttentionScores.Create(kind, querySize, keySize, attentionSize: 5, new Random(5)));
        var data = new AttentionFixture(querySize, keySize);

        // L = Σ R ∘ c + Σ S ∘ α exercises both paths into the scores
        double Loss()
        {
            var (output, _) = attention.Forward(data.Z.Value, data.HValues);
            return AttentionFixture.Dot(data.DContext, output.Context) + AttentionFixture.Dot(data.DWeights, output.Weights);
        }
        void Backward()
        {
            var (_, cache) = attention.Forward(data.Z.Value, data.HValues);
            var grads = attention.Backward(data.DContext, cache, data.DWeights);
            attention.Accumulate(grads);
            data.AccumulateInputs(grads.Dz, grads.Dhs);
        }

        var report = GradientCheck.Run(Loss, Backward, attention.Parameters(), data.Inputs);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.MaxRelativeError <= 1e-6, report.ToString());
        Assert.All(report.Entries, e => Assert.True(e.AnalyticNorm > 0, $"{e.Name} has a zero gradient"));
    }

    [Fact]
    public void Weights_are_a_distribution_over_positions_and_context_is_their_average()
    {
        var data = new AttentionFixture(querySize: 4, keySize: 4, positions: 5, batch: 3);
        var (output, _) = new RnnKit.Attention(new DotScore(4)).Forward(data.Z.Value, data.HValues);

        Assert.Equal(5, output.Weights.RowCount);
        Assert.Equal(3, output.Weights.ColumnCount);
        foreach (var sum in output.Weights.ColumnSums())
            Assert.Equal(1.0, sum, 12);
        Assert.All(output.Weights.Enumerate(), a => Assert.InRange(a, 0.0, 1.0));
        var expected = Matrix<double>.Build.Dense(4, 3);
        for (var i = 0; i < 5; i++)
            for (var j = 0; j < 3; j++)
                expected.SetColumn(j, expected.Column(j) + output.Weights[i, j] * data.HValues[i].Column(j));
        Assert.True((expected - output.Context).FrobeniusNorm() < 1e-12);
    }

    [Fact]
    public void A_dominant_score_puts_all_weight_on_one_position()
    {
        var z = Matrix<double>.Build.DenseOfColumnArrays([100.0, 0.0]);
        var h0 = Matrix<double>.Build.DenseOfColumnArrays([0.0, 1.0]);
        var h1 = Matrix<double>.Build.DenseOfColumnArrays([1.0, 0.0]);
        var (output, _) = new RnnKit.Attention(new DotScore(2)).Forward(z, [h0, h1]);
        Assert.Equal(1.0, output.Weights[1, 0], 12);
        Assert.Equal(1.0, output.Context[0, 0], 12);
    }

    [Fact]
    public void Shape_mismatches_name_both_shapes()
    {
        var attention = new RnnKit.Attention(new AdditiveScore(querySize: 4, keySize: 3, attentionSize: 5));
        var z = Matrix<double>.Build.Dense(4, 2);
        var goodH = Matrix<double>.Build.Dense(3, 2);

        var e = Assert.Throws<ShapeMismatchException>(() => attention.Forward(Matrix<double>.Build.Dense(5, 2), [goodH]));
        Assert.Contains("(4, m)", e.Message);
        Assert.Contains("(5, 2)", e.Message);

        e = Assert.Throws<ShapeMismatchException>(() => attention.Forward(z, [goodH, Matrix<double>.Build.Dense(3, 1)]));
        Assert.Contains("h_1", e.Message);
        Assert.Contains("(3, 2)", e.Message);
        Assert.Contains("(3, 1)", e.Message);

        var (_, cache) = attention.Forward(z, [goodH]);
        e = Assert.Throws<ShapeMismatchException>(() => attention.Backward(Matrix<double>.Build.Dense(4, 2), cache));
        Assert.Contains("(3, 2)", e.Message);
        Assert.Contains("(4, 2)", e.Message);
    }

    [Fact]
    public void No_encoder_states_is_refused()
    {
        var attention = new RnnKit.Attention(new DotScore(2));
        Assert.Throws<ArgumentException>(() => attention.Forward(Matrix<double>.Build.Dense(2, 1), []));
    }
}
