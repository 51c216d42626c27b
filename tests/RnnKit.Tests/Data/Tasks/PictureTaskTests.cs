using RnnKit.Data.Tasks;
using Xunit;

namespace RnnKit.Tests.Data.Tasks;

/// <summary>The drawing tasks: pen strokes and shape images.</summary>
public class PictureTaskTests
{
    [Fact]
    public void Pen_letters_lift_the_pen_once_per_stroke()
    {
        var letters = PenStrokes.Generate(new PenStrokesOptions { PerLetter = 5 });
        Assert.Equal(5 * PenStrokes.Letters.Count, letters.Count);
        foreach (var l in letters)
        {
            Assert.False(l.Points[0].PenDown);
            Assert.Equal(PenStrokes.Letters[l.Letter].Length, l.Points.Count(p => !p.PenDown));
            Assert.True(l.Points.Length >= 8, $"{l.Letter} has only {l.Points.Length} points");
            Assert.All(l.Points, p => Assert.InRange(p.X, -0.5, 2.0));
            var offsets = l.Offsets();
            Assert.Equal(l.Points[^1].X, Math.Round(offsets.Sum(o => o.Dx), 6), 6);
        }
        Assert.Equal(2, letters.First(l => l.Letter == 'T').Points.Count(p => !p.PenDown));
    }

    [Fact]
    public void Shape_captions_describe_the_pixels()
    {
        var images = ShapeImages.Generate(new ShapeImagesOptions { Count = 300 });
        foreach (var image in images)
        {
            Assert.Equal((8, 8), (image.Pixels.GetLength(0), image.Pixels.GetLength(1)));
            Assert.Equal($"a {image.Extent} {image.Shape} {image.Position}", image.Caption);
            var ink = image.Flatten().Sum();
            var side = image.Extent is "big" or "long" ? ShapeImages.BigSide : ShapeImages.SmallSide;
            var expectedInk = image.Shape switch
            {
                "square" => 4 * side - 4,
                "plus" or "cross" => 2 * side - 1,
                "triangle" => 3 * side - 3,
                _ => side,
            };
            Assert.Equal(expectedInk, ink);
        }
        Assert.Equal(6, images.Select(i => i.Shape).Distinct().Count());
        Assert.Equal("at the top left", ShapeImages.Position(1, 1, 8));
        Assert.Equal("in the middle", ShapeImages.Position(4, 3, 8));
        Assert.Equal("on the right", ShapeImages.Position(4, 7, 8));
        Assert.Equal("at the bottom", ShapeImages.Position(7, 4, 8));
    }
}
