using RnnKit.Captioning;
using RnnKit.Tests.Fast;
using Xunit;

namespace RnnKit.Tests.Captioning;

public class ConvolutionFeaturesTests
{
    [Fact]
    public void A_filter_that_matches_a_plus_fires_in_the_cell_where_the_plus_is()
    {
        var conv = new ConvolutionFeatures(side: 8, filters: 1, grid: 3, new Random(1));
        float[] plus = [0, 1, 0, 1, 1, 1, 0, 1, 0];
        conv.Weight.CopyFrom(plus);
        conv.Bias.Value[0] = -4.5f;
        var image = new float[64];
        // a plus centred at row 6, column 2: its 3 × 3 box starts at map position (5, 1), bottom-left cell
        foreach (var (r, c) in new[] { (5, 2), (6, 1), (6, 2), (6, 3), (7, 2) }) image[r * 8 + c] = 1;
        var features = conv.Forward(image, 1).Output;
        Assert.Equal(0.5f, features[2 * 3 + 0], 5);
        Assert.Equal(1, features.Count(f => f > 0));
    }

    [Fact]
    public void Backward_agrees_with_finite_differences()
    {
        var random = new Random(3);
        var conv = new ConvolutionFeatures(side: 7, filters: 4, grid: 2, random);
        const int batch = 5;
        var images = FastAssert.Random(random, batch * 49);
        var upstream = FastAssert.Random(random, batch * conv.OutputSize);
        double Loss() => conv.Forward(images, batch).Output.Select((f, i) => (double)f * upstream[i]).Sum();
        FastGradientCheck.Run(Loss, () => conv.Backward(conv.Forward(images, batch), upstream), conv.Parameters(), epsilon: 1e-3, tolerance: 1e-3);
    }

    [Fact]
    public void Images_of_the_wrong_size_are_named_with_both_shapes()
    {
        var conv = new ConvolutionFeatures(side: 8, filters: 2, grid: 3, new Random(1));
        var e = Assert.Throws<ShapeMismatchException>(() => conv.Forward(new float[60], 1));
        Assert.Contains("(1, 64)", e.Message);
        Assert.Contains("60", e.Message);
    }
}
