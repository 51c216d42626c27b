using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast.Sequences;

public class BagOfTokensClassifierTests
{
    [Fact]
    public void A_bag_holds_each_tokens_share_of_the_sequence()
    {
        var bag = new BagOfTokensClassifier(4, 2, new Random(1));
        Assert.Equal([0, 0.5f, 0.25f, 0.25f, 1, 0, 0, 0], bag.Bags([[1, 2, 1, 3], [0]]));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => bag.Bags([[1], [2, 4]]));
        Assert.Contains("sequence 1, position 1: token 4", e.Message);
    }

    [Fact]
    public void It_learns_which_tokens_mark_a_class_and_cannot_see_order()
    {
        var bag = new BagOfTokensClassifier(5, 2, new Random(2));
        IReadOnlyList<int>[] sequences = [[0, 1, 1], [1, 0, 2], [3, 4, 4], [4, 2, 3]];
        var losses = bag.Train(sequences, [0, 0, 1, 1], steps: 100);
        Assert.True(losses[^1] < losses[0] / 4, $"loss {losses[0]} → {losses[^1]}");
        Assert.Equal([0, 0, 1, 1], bag.Predict(sequences));
        Assert.Equal(bag.Probabilities([[0, 1, 2]]), bag.Probabilities([[2, 1, 0]]));
    }
}
