using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast.Sequences;

public class SequenceTaggerTests
{
    private static readonly IReadOnlyList<int>[] Sequences = [[2, 5, 7, 3], [4], [8, 8, 6]];
    private static readonly IReadOnlyList<int>[] Tags = [[0, 1, 2, 1], [2], [1, 0, 0]];

    [Theory]
    [InlineData(1, false, CellKind.Gru)]
    [InlineData(2, true, CellKind.Gru)]
    [InlineData(2, true, CellKind.Lstm)]
    [InlineData(1, true, CellKind.RnnTanh)]
    public void Backward_agrees_with_finite_differences(int layers, bool bidirectional, CellKind cell)
    {
        var tagger = new SequenceTagger(9, 4, 3, 3, layers, bidirectional, cell, new Random(2));
        var batch = SequenceBatch.FromTokens(Sequences, 1);
        FastGradientCheck.Run(() => tagger.Loss(batch, Tags), () => tagger.LossAndGradients(batch, Tags), tagger.Parameters());
    }

    [Fact]
    public void Padding_never_changes_a_tag_and_lengths_must_match()
    {
        var tagger = new SequenceTagger(9, 4, 3, 3, 2, true, CellKind.Gru, new Random(3));
        var together = tagger.Predict(SequenceBatch.FromTokens(Sequences, 1));
        for (var b = 0; b < Sequences.Length; b++)
            Assert.Equal(tagger.Predict(SequenceBatch.FromTokens([Sequences[b]], 0))[0], together[b]);
        var e = Assert.Throws<ShapeMismatchException>(() => tagger.Loss(SequenceBatch.FromTokens(Sequences, 1), [[0, 1, 2, 1], [2, 2], [1, 0, 0]]));
        Assert.Contains("sequence 1 has 1 positions but 2 tags", e.Message);
    }

    [Fact]
    public void Only_a_bidirectional_tagger_can_tag_by_the_next_token()
    {
        // the tag of a position is the token after it (0 at the end): look-ahead is needed
        var random = new Random(4);
        var sequences = Enumerable.Range(0, 64).Select(_ => (IReadOnlyList<int>)Enumerable.Range(0, random.Next(3, 8)).Select(_ => random.Next(2)).ToArray()).ToList();
        var tags = sequences.Select(s => (IReadOnlyList<int>)s.Skip(1).Append(0).ToArray()).ToList();
        double Trained(bool bidirectional)
        {
            var tagger = new SequenceTagger(2, 4, 8, 2, 1, bidirectional, CellKind.Gru, new Random(5));
            var adam = new FastAdam(tagger.Parameters(), new FastAdamConfig { LearningRate = 0.02f });
            var batch = SequenceBatch.FromTokens(sequences, 0);
            for (var step = 0; step < 200; step++) tagger.TrainStep(batch, tags, adam);
            var predicted = tagger.Predict(batch);
            return (double)predicted.SelectMany((p, b) => p.Zip(tags[b], (x, y) => x == y)).Count(x => x) / tags.Sum(t => t.Count);
        }
        Assert.True(Trained(bidirectional: true) > 0.97);
        Assert.True(Trained(bidirectional: false) < 0.8);
    }
}
