using RnnKit.Fast;
using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Fast;

public class FastGenerationTests
{
    private static FastLanguageModel Model(string cell, int vocabulary = 7, int hidden = 6) =>
        new(new FastLanguageModelConfig { Cell = CellKinds.Parse(cell), Vocabulary = vocabulary, HiddenSize = hidden, Seed = 3 });

    private static readonly int[] Tokens = [1, 4, 0, 6, 2, 2, 5, 3];

    private static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}: entry {i} is {actual[i]}, expected {expected[i]}");
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("rnn")]
    public void Read_gives_the_logits_and_states_of_the_batched_forward(string cell)
    {
        var model = Model(cell);
        var reading = model.Read(Tokens);
        var forward = model.Forward(Tokens, Tokens.Length, batch: 1);
        Assert.Equal((Tokens.Length, 6, 7), (reading.Steps, reading.HiddenSize, reading.Vocabulary));
        Assert.Equal(forward.Logits, reading.Logits);
        Assert.Equal(forward.Recurrent.Output.ToArray(), reading.H);
        Assert.Equal(forward.Recurrent.FinalH.ToArray(), reading.Final.H);
        Assert.Equal(cell == "lstm", reading.C is not null);
        Assert.Equal(reading.H[2 * 6 + 4], reading.HiddenUnit(4)[2]);
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("rnn")]
    public void Reading_in_two_pieces_carries_the_state(string cell)
    {
        var model = Model(cell);
        var whole = model.Read(Tokens);
        var first = model.Read(Tokens[..3]);
        var rest = model.Read(Tokens[3..], first.Final);
        Close(whole.Logits.AsSpan(3 * 7), rest.Logits, 1e-6, "logits after the split");
        Close(whole.Final.H, rest.Final.H, 1e-6, "final h");
        if (cell == "lstm")
        {
            Close(whole.C!.AsSpan(3 * 6), rest.C!, 1e-6, "cell states after the split");
            Assert.Equal(whole.C![^6..], whole.Final.C);
        }
    }

    [Fact]
    public void LSTM_cell_state_matches_the_scratch_cell()
    {
        var model = Model("lstm");
        var reading = model.Read(Tokens);
        var scratch = ((FastLstm)model.Recurrent).ToScratch();
        var table = model.Embedding.Table;
        var xs = Tokens.Select(id => MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(6, 1, (r, _) => table.Value[id * 6 + r])).ToList();
        var (output, _) = new RecurrentLayer(scratch).Forward(xs);
        for (var k = 0; k < 6; k++)
        {
            Assert.Equal(output.Hs[^1][k, 0], reading.HiddenUnit(k)[^1], 5);
            Assert.Equal(output.Final.C![k, 0], reading.CellUnit(k)[^1], 5);
        }
    }

    [Fact]
    public void NextTokenProbabilities_give_the_training_loss_as_perplexity()
    {
        var model = Model("gru");
        var probabilities = model.NextTokenProbabilities(Tokens);
        Assert.Equal(Tokens.Length - 1, probabilities.Length);
        var forward = model.Forward(Tokens[..^1], Tokens.Length - 1, batch: 1);
        var loss = FastSoftmaxCrossEntropy.LossAndGradient(forward.Logits, Tokens[1..], 7, new float[forward.Logits.Length]);
        Assert.Equal(Math.Exp(loss), Perplexity.Of(probabilities), 4);
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("rnn")]
    public void Greedy_generation_takes_the_argmax_of_reading_everything_so_far(string cell)
    {
        var model = Model(cell);
        int[] prime = [2, 5];
        var generated = model.Generate(prime, length: 6, temperature: 0, new Random(0));
        Assert.Equal(6, generated.Length);
        var text = prime.ToList();
        foreach (var token in generated)
        {
            var reading = model.Read(text);
            Assert.Equal(TemperatureSampling.Argmax(reading.LogitsAt(text.Count - 1)), token);
            text.Add(token);
        }
    }

    [Fact]
    public void Sampling_is_reproducible_avoids_forbidden_tokens_and_stops_when_asked()
    {
        var model = Model("lstm");
        int[] forbidden = [0, 3];
        var a = model.Generate([1], 200, temperature: 2.0, new Random(9), forbidden);
        var b = model.Generate([1], 200, temperature: 2.0, new Random(9), forbidden);
        Assert.Equal(a, b);
        Assert.DoesNotContain(0, a);
        Assert.DoesNotContain(3, a);
        Assert.True(a.Distinct().Count() >= 4, "a hot sample of 200 tokens should use most of the 5 allowed tokens");

        var stopped = model.Generate([1], 200, temperature: 2.0, new Random(9), forbidden, stop: g => g[^1] == a[4]);
        Assert.Equal(a.Take(stopped.Length), stopped);
        Assert.Equal(a[4], stopped[^1]);
        Assert.True(stopped.Length <= 5);
    }

    [Fact]
    public void A_trained_model_continues_its_text()
    {
        var (inputs, targets) = HelloWorldTask.Minibatch();
        const int steps = HelloWorldTask.Steps, batch = HelloWorldTask.Batch;
        var alphabet = HelloWorldTask.Alphabet;
        var model = new FastLanguageModel(new FastLanguageModelConfig { Cell = CellKind.Lstm, Vocabulary = alphabet.Length, HiddenSize = 24 });
        var trainer = new FastTrainer(model, new FastAdamConfig { LearningRate = 0.02f });
        for (var i = 0; i < 150; i++)
            trainer.Step(inputs, targets, steps, batch);

        var prime = "hel".Select(c => Array.IndexOf(alphabet, c)).ToArray();
        var continuation = new string(model.Generate(prime, 12, temperature: 0, new Random(0)).Select(i => alphabet[i]).ToArray());
        Assert.Equal("lo world hel", continuation);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_a_reason()
    {
        var model = Model("rnn");
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => model.Read([])).Message);
        Assert.Contains("priming", Assert.Throws<ArgumentException>(() => model.Generate([], 3, 1.0, new Random(0))).Message);
        Assert.Contains("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate([1], 3, -1.0, new Random(0))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate([1], 3, 1.0, new Random(0), forbidden: [7]));
        Assert.Contains("cell state", Assert.Throws<InvalidOperationException>(() => model.Read(Tokens).CellUnit(0)).Message);
        Assert.Throws<ArgumentException>(() => model.NextTokenProbabilities([1]));
    }
}
