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
        // Learn to continue "hello world " (11 symbols plus space), a sequence that needs memory of the context.
        const string text = "hello world ";
        var alphabet = text.Distinct().OrderBy(c => c).ToArray();
        int steps = 8, batch = 16;
        var random = new Random(0);
        var inputs = new int[steps * batch];
        var targets = new int[steps * batch];
        for (var b = 0; b < batch; b++)
        {
            var start = random.Next(text.Length);
            for (var t = 0; t < steps; t++)
            {
                inputs[t * batch + b] = Array.IndexOf(alphabet, text[(start + t) % text.Length]);
                targets[t * batch + b] = Array.IndexOf(alphabet, text[(start + t + 1) % text.Length]);
            }
        }
        var trainer = new FastTrainer(new FastLanguageModel(new FastLanguageModelConfig { Cell = cell, Vocabulary = alphabet.Length, HiddenSize = 24 }),
            new FastAdamConfig { LearningRate = 0.02f });

        var first = trainer.Step(inputs, targets, steps, batch).Loss;
        var last = first;
        for (var i = 0; i < 60; i++)
            last = trainer.Step(inputs, targets, steps, batch).Loss;

        Assert.True(float.IsFinite(last));
        Assert.True(last < 0.25f * first, $"{cell}: loss went from {first} to only {last}");
    }
}
