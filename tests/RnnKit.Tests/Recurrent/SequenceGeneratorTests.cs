using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Recurrent;

public class SequenceGeneratorTests
{
    private const int Vocab = 5, Hidden = 4, Batch = 2, Steps = 4;

    [Theory]
    [InlineData("rnn_tanh", GenerationFeedback.Argmax)]
    [InlineData("lstm", GenerationFeedback.Argmax)]
    [InlineData("gru", GenerationFeedback.Sample)]
    public void Generation_with_its_tokens_fixed_passes_the_gradient_check(string kind, GenerationFeedback feedback)
    {
        var random = new Random(51);
        var generator = new SequenceGenerator(TestMatrices.Cell(kind, Vocab, Hidden, 52), new Linear(Hidden, Vocab, 53, "Wya", "by"));
        var x1 = new Parameter("x1", TestMatrices.Uniform(Vocab, Batch, random));
        var start = TestMatrices.State(generator.Layer.Cell, Batch, random);
        var h0 = new Parameter("h0", start.H);
        var dZ = TestMatrices.Sequence(Steps, Vocab, Batch, random);
        RecurrentState Initial() => start with { H = h0.Value };
        var first = generator.Generate(x1.Value, Initial(), Steps, feedback, new Random(7)).Output.Tokens;

        double Loss()
        {
            var (output, _) = generator.Generate(x1.Value, Initial(), Steps, feedback, new Random(7));
            Assert.Equal(first, output.Tokens); // the nudges of the check must not change a choice
            return output.Logits.Zip(dZ, TestMatrices.Dot).Sum();
        }

        var report = GradientCheck.Run(Loss, () =>
        {
            var (_, cache) = generator.Generate(x1.Value, Initial(), Steps, feedback, new Random(7));
            var grads = generator.Backward(dZ, cache);
            x1.Accumulate(grads.Dxs[0]);
            h0.Accumulate(grads.DInitial.H);
        }, generator.Parameters(), [x1, h0]);

        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Argmax_feeds_back_the_most_likely_token()
    {
        var generator = new SequenceGenerator(new GruCell(Vocab, Hidden, 1), new Linear(Hidden, Vocab, 2));
        var (output, _) = generator.Generate(SequenceGenerator.OneHot([0], Vocab), null, 3);
        for (var t = 0; t < 3; t++)
            Assert.Equal(output.Logits[t].Column(0).MaximumIndex(), output.Tokens[t][0]);
    }

    [Fact]
    public void Sampling_is_reproducible_from_a_seed()
    {
        var generator = new SequenceGenerator(new LstmCell(Vocab, Hidden, 3), new Linear(Hidden, Vocab, 4));
        var x1 = SequenceGenerator.OneHot([1, 2, 3], Vocab);
        var a = generator.Generate(x1, null, 6, GenerationFeedback.Sample, new Random(9)).Output.Tokens;
        var b = generator.Generate(x1, null, 6, GenerationFeedback.Sample, new Random(9)).Output.Tokens;
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_cell_that_cannot_read_its_own_tokens_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new SequenceGenerator(new GruCell(3, Hidden), new Linear(Hidden, Vocab)));
        Assert.Contains("vocabulary size (5)", e.Message);
    }
}
