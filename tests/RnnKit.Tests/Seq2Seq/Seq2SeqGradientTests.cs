using Xunit;

namespace RnnKit.Tests.Seq2Seq;

/// <summary>The whole encoder–decoder loss against centred differences, for every part of the model.</summary>
public class Seq2SeqGradientTests
{
    public static TheoryData<string> Cases => ["gru-bi-additive", "lstm-uni-bilinear-input-only", "rnn-bi-dot-output-only", "gru-uni-plain", "lstm-bi-cosine", "gru-bi-scaled-dot"];

    private static Seq2SeqConfig ConfigFor(string name)
    {
        var small = new Seq2SeqConfig(SourceVocab: 4, TargetVocab: 5, StartToken: 4, EndToken: 3,
            EmbeddingSize: 3, EncoderSize: 2, DecoderSize: 4, AttentionSize: 3, Seed: 2);
        return name switch
        {
            "gru-bi-additive" => small with { Cell = CellKind.Gru, Attention = ScoreKind.Additive },
            "lstm-uni-bilinear-input-only" => small with { Cell = CellKind.Lstm, Bidirectional = false, Attention = ScoreKind.Bilinear, ContextIntoOutput = false },
            "rnn-bi-dot-output-only" => small with { Cell = CellKind.RnnTanh, Attention = ScoreKind.Dot, ContextIntoInput = false },
            "gru-uni-plain" => small with { Bidirectional = false, Attention = null },
            "lstm-bi-cosine" => small with { Cell = CellKind.Lstm, Attention = ScoreKind.Cosine },
            "gru-bi-scaled-dot" => small with { Attention = ScoreKind.ScaledDot },
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_backward_matches_finite_differences(string name)
    {
        var model = new Seq2SeqModel(ConfigFor(name));
        int[][] source = [[0, 1], [2, 2], [1, 3]];   // Tx = 3, m = 2
        int[][] target = [[1, 0], [2, 1]];           // Ty = 2

        var report = GradientCheck.Run(
            () => model.Forward(source, target).Output.Loss,
            () => model.Backward(model.Forward(source, target).Cache),
            model.Parameters());

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.MaxRelativeError <= 1e-6, report.ToString());
        Assert.All(report.Entries, e => Assert.True(e.AnalyticNorm > 0, $"{e.Name} has a zero gradient\n{report}"));
    }

    [Fact]
    public void Parameters_cover_encoder_bridge_cell_attention_and_readout()
    {
        var model = new Seq2SeqModel(ConfigFor("gru-bi-additive"));
        var names = model.Parameters().Select(p => p.Name).ToList();
        Assert.Contains("Wb", names);
        Assert.Contains("Wy", names);
        Assert.Contains("W1", names);
        Assert.Contains("v", names);
        Assert.Equal(2, names.Count(n => n == "E"));
        Assert.Equal(names.Count, model.Parameters().Distinct().Count());
    }
}
