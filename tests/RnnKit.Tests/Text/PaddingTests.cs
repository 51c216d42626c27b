using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

public class PaddingTests
{
    [Fact]
    public void Pads_to_the_longest_with_mask_and_valid_lengths()
    {
        var p = Padding.Pad([[5, 6, 7], [8], []], padIndex: 1);
        Assert.Equal((3, 3), (p.Batch, p.Length));
        Assert.Equal([3, 1, 0], p.ValidLengths);
        Assert.Equal(new[,] { { 5, 6, 7 }, { 8, 1, 1 }, { 1, 1, 1 } }, p.Tokens);
        Assert.Equal(new[,] { { true, true, true }, { true, false, false }, { false, false, false } }, p.Mask);
        Assert.Equal(4.0, p.MaskWeights().Cast<double>().Sum());
    }

    [Fact]
    public void A_fixed_length_truncates_longer_sequences()
    {
        var v = Vocabulary.OfWords("a b c d");
        var p = Padding.Pad([v.Encode(["a", "b", "c", "d"]), v.Encode(["a"])], v, length: 2);
        Assert.Equal([2, 1], p.ValidLengths);
        Assert.Equal(v["b"], p.Tokens[0, 1]);
        Assert.Equal(v.PaddingIndex, p.Tokens[1, 1]);
        Assert.False(p.Mask[1, 1]);
    }
}
