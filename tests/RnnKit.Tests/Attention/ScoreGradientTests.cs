using Xunit;

namespace RnnKit.Tests.Attention;

/// <summary>Every score function's backward pass against centred differences: all weights, z and every h_i.</summary>
public class ScoreGradientTests
{
    private const int QuerySize = 5;
    private const int KeySize = 4;
    private const int AttentionSize = 6;

    public static TheoryData<ScoreKind> Kinds => [.. Enum.GetValues<ScoreKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Score_backward_matches_finite_differences(ScoreKind kind)
    {
        var sameSize = kind is ScoreKind.Dot or ScoreKind.ScaledDot or ScoreKind.Cosine;
        var keySize = sameSize ? QuerySize : KeySize;
        var score = AttentionScores.Create(kind, QuerySize, keySize, AttentionSize, new Random(3));
        var data = new AttentionFixture(QuerySize, keySize);

        double Loss() => AttentionFixture.Dot(data.DScores, score.Score(data.Z.Value, data.HValues).Scores);
        void Backward()
        {
            var (_, cache) = score.Score(data.Z.Value, data.HValues);
            var grads = score.Backward(data.DScores, cache);
            score.Accumulate(grads);
            data.AccumulateInputs(grads.Dz, grads.Dhs);
        }

        var report = GradientCheck.Run(Loss, Backward, score.Parameters(), data.Inputs);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.MaxRelativeError <= 1e-6, report.ToString());
        Assert.Equal(score.Parameters().Count() + 1 + data.Hs.Count, report.Entries.Count);
        Assert.All(report.Entries, e => Assert.True(e.AnalyticNorm > 0, $"{e.Name} has a zero gradient, so the check proves nothing"));
    }

    [Fact]
    public void Parameters_of_each_score_are_the_ones_in_the_formulas()
    {
        var random = new Random(0);
        Assert.Empty(new DotScore(3).Parameters());
        Assert.Empty(new CosineScore(3).Parameters());
        Assert.Equal(["W1", "W2", "v"], new AdditiveScore(3, 4, 5, random).Parameters().Select(p => p.ToString().Split(' ')[0]));
        Assert.Equal("Wa (3, 4)", new BilinearScore(3, 4, random).W.ToString());
    }
}
