using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

public class FastTrainerTests
{
    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("rnn")]
    public void Loss_goes_down_on_a_tiny_character_task(string cell)
    {
        var (inputs, targets) = HelloWorldTask.Minibatch();
        const int steps = HelloWorldTask.Steps, batch = HelloWorldTask.Batch;
        var trainer = new FastTrainer(new FastLanguageModel(new FastLanguageModelConfig { Cell = CellKinds.Parse(cell), Vocabulary = HelloWorldTask.Alphabet.Length, HiddenSize = 24 }),
            new FastAdamConfig { LearningRate = 0.02f });

        var first = trainer.Step(inputs, targets, steps, batch).Loss;
        var last = first;
        for (var i = 0; i < 60; i++)
            last = trainer.Step(inputs, targets, steps, batch).Loss;

        Assert.True(float.IsFinite(last));
        Assert.True(last < 0.25f * first, $"{cell}: loss went from {first} to only {last}");
    }
}
