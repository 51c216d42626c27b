using RnnKit.Fast;
using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class StrokeRecognizerTests
{
    private static readonly PenSequence[] Sequences = [.. new[] { 4, 7, 5 }.Select((length, k) => PenModels.Random(new Random(20 + k), length))];

    [Fact]
    public void A_sequence_scores_the_same_alone_and_padded_in_a_batch_with_longer_ones()
    {
        var recognizer = new StrokeRecognizer(classes: 3, hiddenSize: 5, new Random(1));
        var together = recognizer.Scores(PenBatch.From(Sequences));
        for (var b = 0; b < Sequences.Length; b++)
        {
            var alone = recognizer.Scores(PenBatch.From([Sequences[b]]));
            for (var c = 0; c < 3; c++)
                Assert.Equal(alone[c], together[b * 3 + c], 4);
        }
    }

    [Fact]
    public void Training_gradients_agree_with_finite_differences()
    {
        var recognizer = new StrokeRecognizer(classes: 3, hiddenSize: 4, new Random(2));
        var batch = PenBatch.From(Sequences);
        int[] labels = [2, 0, 1];
        recognizer.TrainStep(batch, labels, PenModels.Frozen(recognizer), maxNorm: float.MaxValue);
        PenModels.AssertGradients(recognizer, () =>
        {
            var scores = recognizer.Scores(batch);
            return FastSoftmaxCrossEntropy.LossAndGradient(scores, labels, 3, new float[scores.Length]);
        }, "recognizer");
    }

    [Fact]
    public void It_learns_to_tell_a_sequence_from_its_mirror_image()
    {
        var random = new Random(5);
        var originals = Enumerable.Range(0, 8).Select(_ => PenModels.Random(random, 6)).ToArray();
        var mirrored = originals.Select(s => s with { Dx = [.. s.Dx.Select(v => -v)] }).ToArray();
        var batch = PenBatch.From([.. originals, .. mirrored]);
        int[] labels = [.. Enumerable.Repeat(0, 8), .. Enumerable.Repeat(1, 8)];
        var recognizer = new StrokeRecognizer(classes: 2, hiddenSize: 8, new Random(6));
        var optimizer = new FastAdam(recognizer.Parameters(), new FastAdamConfig { LearningRate = 0.02f });
        var first = recognizer.TrainStep(batch, labels, optimizer);
        var last = first;
        for (var step = 0; step < 150; step++) last = recognizer.TrainStep(batch, labels, optimizer);
        Assert.True(last < first / 4, $"the loss went from {first:F3} to only {last:F3}");
        Assert.Equal(labels, recognizer.Predict(batch));
    }

    [Fact]
    public void Labels_that_do_not_match_the_batch_are_named()
    {
        var recognizer = new StrokeRecognizer(classes: 3, hiddenSize: 4, new Random(2));
        var error = Assert.Throws<ShapeMismatchException>(() =>
            recognizer.TrainStep(PenBatch.From(Sequences), [0, 1], PenModels.Frozen(recognizer)));
        Assert.Contains("2 entries but the batch has 3", error.Message);
    }
}
