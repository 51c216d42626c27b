using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>
/// A lesson prints the same numbers on a 2-core and a 16-core laptop: training on 1, 2 and 3 threads gives the same
/// weights to the last bit. The sizes split the batch into 2 and 3 slices (B = 24) and make the big products
/// (T·B = 240 rows) split across threads too.
/// </summary>
public class ThreadCountTests
{
    private const int Steps = 10, Batch = 24, Vocabulary = 30, Hidden = 48, TrainingSteps = 3;

    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("rnn")]
    public void Training_gives_the_same_bits_on_1_2_and_3_threads(string cell)
    {
        var one = TrainedWeights(cell, threads: 1);
        Assert.Equal(one, TrainedWeights(cell, threads: 2));
        Assert.Equal(one, TrainedWeights(cell, threads: 3));
    }

    /// <summary>
    /// A model big enough that the small work between the products splits too: the softmax's loss over 1 536
    /// positions (fixed chunks of 64, added in order), Adam over pieces of 16 384 values, the embedding's rows and
    /// columns, the bias sums' columns. The losses must match to the bit as well as the weights.
    /// </summary>
    [Fact]
    public void A_bigger_model_gives_the_same_losses_and_weights_on_1_2_and_3_threads()
    {
        (float[] Losses, uint[] Weights) Train(int threads) => WithThreads(threads, () =>
        {
            const int steps = 32, batch = 48, vocabulary = 40;
            var model = new FastLanguageModel(new FastLanguageModelConfig { Cell = CellKind.Lstm, Vocabulary = vocabulary, HiddenSize = 96, Seed = 9 });
            var trainer = new FastTrainer(model);
            var random = new Random(10);
            var inputs = Enumerable.Range(0, steps * batch).Select(_ => random.Next(vocabulary)).ToArray();
            var targets = Enumerable.Range(0, steps * batch).Select(_ => random.Next(vocabulary)).ToArray();
            var losses = Enumerable.Range(0, 2).Select(_ => trainer.Step(inputs, targets, steps, batch).Loss).ToArray();
            return (losses, Bits(model.Parameters().SelectMany(p => p.Value)));
        });
        var one = Train(1);
        foreach (var threads in new[] { 2, 3 })
        {
            var other = Train(threads);
            Assert.Equal(one.Losses, other.Losses);
            Assert.Equal(one.Weights, other.Weights);
        }
    }

    [Fact]
    public void A_layer_alone_gives_the_same_outputs_and_gradients_on_1_2_and_3_threads()
    {
        var one = LayerRun(threads: 1);
        Assert.Equal(one, LayerRun(threads: 2));
        Assert.Equal(one, LayerRun(threads: 3));
    }

    /// <summary>
    /// A batch of 16 runs its input projection and ∂L/∂x step by step inside the recurrence; one example alone runs
    /// them as one product over all T steps. Each example's outputs, ∂L/∂x and ∂L/∂h⟨0⟩ are the same bits either way.
    /// </summary>
    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("rnn")]
    public void An_example_gives_the_same_bits_alone_and_in_a_batch(string cell)
    {
        const int steps = 6, batch = 16, input = 40, hidden = 48;
        var random = new Random(12);
        var x = FastAssert.Random(random, steps * batch * input);
        var dY = FastAssert.Random(random, steps * batch * hidden);
        var layer = NewLayer(cell, input, hidden);
        var cache = layer.Forward(x, steps, batch);
        var dX = new float[x.Length];
        var d0 = layer.Backward(cache, dY, dX);
        var y = cache.Output.ToArray();
        foreach (var b in new[] { 0, 7, 15 })
        {
            float[] Example(float[] all, int width) =>
                [.. Enumerable.Range(0, steps).SelectMany(t => all.Skip((t * batch + b) * width).Take(width))];
            var alone = NewLayer(cell, input, hidden);
            var aloneCache = alone.Forward(Example(x, input), steps, 1);
            var aloneDx = new float[steps * input];
            var aloneD0 = alone.Backward(aloneCache, Example(dY, hidden), aloneDx);
            Assert.Equal(Bits(Example(y, hidden)), Bits(aloneCache.Output.ToArray()));
            Assert.Equal(Bits(Example(dX, input)), Bits(aloneDx));
            Assert.Equal(Bits(d0.H.Skip(b * hidden).Take(hidden)), Bits(aloneD0.H));
        }
    }

    private static IFastRecurrentLayer NewLayer(string cell, int input, int hidden) => CellKinds.Parse(cell) switch
    {
        CellKind.Lstm => new FastLstm(input, hidden, seed: 3),
        CellKind.Gru => new FastGru(input, hidden, seed: 3),
        _ => new FastRnn(input, hidden, seed: 3),
    };

    /// <summary>Every parameter's value after a few Adam steps, as raw bits.</summary>
    private static uint[] TrainedWeights(string cell, int threads) => WithThreads(threads, () =>
    {
        var model = new FastLanguageModel(new FastLanguageModelConfig { Cell = CellKinds.Parse(cell), Vocabulary = Vocabulary, HiddenSize = Hidden, Seed = 5 });
        var trainer = new FastTrainer(model);
        var random = new Random(6);
        var inputs = Enumerable.Range(0, Steps * Batch).Select(_ => random.Next(Vocabulary)).ToArray();
        var targets = Enumerable.Range(0, Steps * Batch).Select(_ => random.Next(Vocabulary)).ToArray();
        for (var s = 0; s < TrainingSteps; s++)
            trainer.Step(inputs, targets, Steps, Batch);
        return Bits(model.Parameters().SelectMany(p => p.Value));
    });

    /// <summary>y, ∂x, ∂(h⟨0⟩, c⟨0⟩) and the weight gradients of one LSTM pass, as raw bits.</summary>
    private static uint[] LayerRun(int threads) => WithThreads(threads, () =>
    {
        var layer = new FastLstm(Hidden, Hidden, seed: 7);
        var random = new Random(8);
        var x = FastAssert.Random(random, Steps * Batch * Hidden);
        var cache = layer.Forward(x, Steps, Batch, new FastState(FastAssert.Random(random, Batch * Hidden), FastAssert.Random(random, Batch * Hidden)));
        var dX = new float[x.Length];
        var d0 = layer.Backward(cache, FastAssert.Random(random, Steps * Batch * Hidden), dX);
        return Bits([.. cache.Output.ToArray(), .. dX, .. d0.H, .. d0.C!, .. layer.Parameters().SelectMany(p => p.Grad)]);
    });

    private static T WithThreads<T>(int threads, Func<T> run) => FastAssert.WithThreads(threads, run);

    private static uint[] Bits(IEnumerable<float> values) => [.. values.Select(BitConverter.SingleToUInt32Bits)];
}
