using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast.Sequences;

public class SequenceClassifierTests
{
    private const int Vocabulary = 9, Padding = 1;

    private static readonly IReadOnlyList<int>[] Sequences = [[2, 5, 7, 3], [4], [8, 8, 6], [3, 2]];
    private static readonly int[] Labels = [0, 2, 1, 2];

    private static SequenceClassifier Model(int layers, bool bidirectional, SequencePooling pooling, CellKind cell = CellKind.Gru, int seed = 1) =>
        new(new SequenceClassifierConfig
        {
            Vocabulary = Vocabulary, InputSize = 5, HiddenSize = 4, Classes = 3, Layers = layers, Bidirectional = bidirectional,
            Pooling = pooling, Cell = cell,
        }, new Random(seed));

    public static TheoryData<int, bool, SequencePooling, CellKind> Shapes => new()
    {
        { 1, false, SequencePooling.Last, CellKind.Gru },
        { 1, false, SequencePooling.Mean, CellKind.Lstm },
        { 1, true, SequencePooling.Last, CellKind.Gru },
        { 2, true, SequencePooling.Mean, CellKind.Gru },
        { 2, false, SequencePooling.Last, CellKind.RnnTanh },
        { 2, true, SequencePooling.Last, CellKind.Lstm },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_agrees_with_finite_differences(int layers, bool bidirectional, SequencePooling pooling, CellKind cell)
    {
        var model = Model(layers, bidirectional, pooling, cell);
        var batch = SequenceBatch.FromTokens(Sequences, Padding);
        double Loss()
        {
            var scores = model.Forward(batch).Scores.Output;
            return FastSoftmaxCrossEntropy.LossAndGradient(scores, Labels, 3, new float[scores.Length]);
        }
        FastGradientCheck.Run(Loss, () => model.LossAndGradients(batch, Labels), model.Parameters());
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Padding_never_changes_a_sequences_answer(int layers, bool bidirectional, SequencePooling pooling, CellKind cell)
    {
        var model = Model(layers, bidirectional, pooling, cell);
        var together = model.Probabilities(SequenceBatch.FromTokens(Sequences, Padding));
        for (var b = 0; b < Sequences.Length; b++)
        {
            var alone = model.Probabilities(SequenceBatch.FromTokens([Sequences[b]], Padding));
            var otherPadding = model.Probabilities(SequenceBatch.FromTokens([Sequences[b], [2, 2, 2, 2, 2, 2, 2]], 0));
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(alone[k], together[b * 3 + k], 5);
                Assert.Equal(alone[k], otherPadding[k], 5);
            }
        }
    }

    [Fact]
    public void A_bidirectional_last_state_reads_the_first_token_through_its_backward_half()
    {
        var model = Model(1, bidirectional: true, SequencePooling.Last);
        var run = model.Forward(SequenceBatch.FromTokens([[2, 5, 7]], Padding));
        var backwardsAlone = model.Encoder.Backwards[0].Forward(model.Embedding!.Forward([7, 5, 2]).Output, 3, 1);
        var expected = backwardsAlone.FinalH.ToArray();
        Assert.Equal(expected, run.Pooled[4..], new FloatTolerance(1e-6f));
    }

    [Fact]
    public void The_read_out_at_the_last_step_is_the_classifiers_answer()
    {
        var model = Model(1, false, SequencePooling.Last);
        var batch = SequenceBatch.FromTokens(Sequences, Padding);
        var final = model.Probabilities(batch);
        var everyStep = model.ProbabilitiesAtEveryStep(batch);
        for (var b = 0; b < Sequences.Length; b++)
            for (var k = 0; k < 3; k++)
                Assert.Equal(final[b * 3 + k], everyStep[((Sequences[b].Count - 1) * Sequences.Length + b) * 3 + k], 5);
        Assert.Equal(0f, everyStep[(3 * Sequences.Length + 1) * 3]); // sequence 1 has ended: zeros
    }

    [Fact]
    public void Training_separates_sequences_only_their_order_tells_apart()
    {
        // "2 3" is class 0 and "3 2" class 1: the same bag, a different order
        var model = Model(1, false, SequencePooling.Last, seed: 4);
        var adam = new FastAdam(model.Parameters(), new FastAdamConfig { LearningRate = 0.03f });
        var batch = SequenceBatch.FromTokens([[2, 3], [3, 2]], Padding);
        for (var step = 0; step < 150; step++) model.TrainStep(batch, [0, 1], adam);
        Assert.Equal([0, 1], model.Predict(batch));
    }

    [Fact]
    public void Feature_inputs_and_wrong_inputs()
    {
        var model = new SequenceClassifier(new SequenceClassifierConfig { InputSize = 2, HiddenSize = 3, Classes = 2 }, new Random(1));
        var batch = SequenceBatch.FromFeatures([[0.5f, 1, -1, 0], [2, 2]], 2);
        Assert.Equal([2, 1], batch.Lengths);
        Assert.Equal(2, model.Predict(batch).Length);
        var e = Assert.Throws<ArgumentException>(() => model.Predict(SequenceBatch.FromTokens([[1, 2]], 0)));
        Assert.Contains("feature vectors of size 2", e.Message);
        Assert.Throws<ShapeMismatchException>(() => SequenceBatch.FromFeatures([[1, 2, 3]], 2));
        var empty = Assert.Throws<ArgumentException>(() => SequenceBatch.FromTokens([[1], []], 0));
        Assert.Contains("sequence 1 is empty", empty.Message);
        var labels = Assert.Throws<ShapeMismatchException>(() => model.LossAndGradients(batch, [1]));
        Assert.Contains("2 sequences", labels.Message);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }
}
