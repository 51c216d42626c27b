using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Seq2Seq;

public class DecoderTests
{
    private const int Batch = 2;
    private const int Positions = 3;

    public static TheoryData<CellKind, bool> Cases => new()
    {
        { CellKind.Gru, true },
        { CellKind.Lstm, true },
        { CellKind.RnnTanh, false },
        { CellKind.Lstm, false },
    };

    private static Seq2SeqConfig Config(CellKind cell, bool attention) => new(
        SourceVocab: 4, TargetVocab: 5, StartToken: 4, EndToken: 3, EmbeddingSize: 3, EncoderSize: 2, DecoderSize: 4,
        Cell: cell, Attention: attention ? ScoreKind.Additive : null, AttentionSize: 3);

    /// <summary>One decoder step: every weight, z⟨t−1⟩ (and c⟨t−1⟩), every h_i or the summary, against finite differences.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_backward_matches_finite_differences(CellKind cell, bool attention)
    {
        var config = Config(cell, attention);
        var random = new Random(4);
        var decoder = new Decoder(config, random);
        var keySize = config.KeySize;
        var z = new Parameter("z_prev", CellInit.Uniform(config.DecoderSize, Batch, 1, random));
        var c = new Parameter("c_prev", CellInit.Uniform(config.DecoderSize, Batch, 1, random));
        var hs = Enumerable.Range(0, Positions).Select(i => new Parameter($"h_{i}", CellInit.Uniform(keySize, Batch, 1, random))).ToList();
        var summary = new Parameter("summary", CellInit.Uniform(keySize, Batch, 1, random));
        var dLogits = CellInit.Uniform(config.TargetVocab, Batch, 1, random);
        var dH = CellInit.Uniform(config.DecoderSize, Batch, 1, random);
        var dC = CellInit.Uniform(config.DecoderSize, Batch, 1, random);
        int[] previous = [4, 1];
        var lstm = cell == CellKind.Lstm;

        (DecoderStepOutput, DecoderStepCache) Run() => decoder.Step(previous,
            new RecurrentState(z.Value, lstm ? c.Value : null), new EncoderOutput(hs.Select(h => h.Value).ToList(), summary.Value));
        double Loss()
        {
            var (output, _) = Run();
            var loss = Dot(dLogits, output.Logits) + Dot(dH, output.State.H);
            return lstm ? loss + Dot(dC, output.State.C!) : loss;
        }
        void Backward()
        {
            var (_, cache) = Run();
            var grads = decoder.StepBackward(dLogits, new RecurrentState(dH, lstm ? dC : null), cache);
            z.Accumulate(grads.DPrevious.H);
            if (lstm) c.Accumulate(grads.DPrevious.C!);
            if (grads.DHs is { } dhs)
                for (var i = 0; i < Positions; i++) hs[i].Accumulate(dhs[i]);
            if (grads.DSummary is { } ds) summary.Accumulate(ds);
        }

        List<Parameter> inputs = [z, .. lstm ? [c] : Array.Empty<Parameter>(), .. attention ? hs : [summary]];
        var checkedWeights = decoder.Parameters().Where(p => p.Name is not ("Wb" or "bb"));   // the bridge is not part of a step
        var report = GradientCheck.Run(Loss, Backward, checkedWeights, inputs);

        Assert.True(report.Passed, report.ToString());
        Assert.All(report.Entries, e => Assert.True(e.AnalyticNorm > 0, $"{e.Name} has a zero gradient\n{report}"));
    }

    [Fact]
    public void Bridge_backward_matches_finite_differences()
    {
        var config = Config(CellKind.Gru, attention: true);
        var random = new Random(9);
        var decoder = new Decoder(config, random);
        var summary = new Parameter("summary", CellInit.Uniform(config.KeySize, Batch, 1, random));
        var dZ0 = CellInit.Uniform(config.DecoderSize, Batch, 1, random);

        var report = GradientCheck.Run(
            () => Dot(dZ0, decoder.Start(summary.Value).State.H),
            () => summary.Accumulate(decoder.StartBackward(new RecurrentState(dZ0), decoder.Start(summary.Value).Cache)),
            decoder.Bridge.Parameters(), [summary]);

        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Shape_mismatches_name_both_shapes()
    {
        var config = Config(CellKind.Gru, attention: true);
        var decoder = new Decoder(config, new Random(0));
        var encoder = new EncoderOutput([Matrix<double>.Build.Dense(config.KeySize, 2)], Matrix<double>.Build.Dense(config.KeySize, 2));

        var e = Assert.Throws<ShapeMismatchException>(() =>
            decoder.Step([0, 1], new RecurrentState(Matrix<double>.Build.Dense(5, 2)), encoder));
        Assert.Contains("(4, 2)", e.Message);
        Assert.Contains("(5, 2)", e.Message);

        e = Assert.Throws<ShapeMismatchException>(() => decoder.Start(Matrix<double>.Build.Dense(3, 2)));
        Assert.Contains("(3, 2)", e.Message);
        Assert.Contains($"({config.KeySize}, m)", e.Message);

        var (_, cache) = decoder.Step([0, 1], decoder.Cell.ZeroState(2), encoder);
        e = Assert.Throws<ShapeMismatchException>(() =>
            decoder.StepBackward(Matrix<double>.Build.Dense(config.TargetVocab, 3), decoder.Cell.ZeroState(2), cache));
        Assert.Contains($"({config.TargetVocab}, 2)", e.Message);
        Assert.Contains($"({config.TargetVocab}, 3)", e.Message);
    }

    [Fact]
    public void Bad_configuration_names_the_field()
    {
        var ok = Config(CellKind.Gru, attention: true);
        Assert.Contains("EndToken", Assert.Throws<ArgumentOutOfRangeException>(() => new Seq2SeqModel(ok with { EndToken = 9 })).Message);
        Assert.Contains("ContextIntoInput", Assert.Throws<ArgumentException>(() =>
            new Seq2SeqModel(ok with { ContextIntoInput = false, ContextIntoOutput = false })).Message);
        Assert.Contains("same size", Assert.Throws<ArgumentException>(() => new Seq2SeqModel(ok with { Attention = ScoreKind.Dot, EncoderSize = 3 })).Message);
    }

    private static double Dot(Matrix<double> a, Matrix<double> b) => a.PointwiseMultiply(b).Enumerate().Sum();
}
