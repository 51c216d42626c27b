using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class PenReaderTests
{
    [Fact]
    public void The_pen_lifts_once_at_the_end_of_every_stroke()
    {
        var shi = PenReader.Read(HanziFixture.Load()["十"]);
        Assert.Equal(2, shi.StrokeCount);
        Assert.Equal(1f, shi.Pen[^1]);
        var firstStroke = StrokeResampling.Resample([.. HanziFixture.Load()["十"].Strokes[0].Select(HanziCharacter.ToUnitBox)], PenReader.DefaultSpacing);
        Assert.Equal(1f, shi.Pen[firstStroke.Length - 1]);
        Assert.All(shi.Pen.Take(firstStroke.Length - 1), p => Assert.Equal(0f, p));
    }

    [Fact]
    public void Offsets_within_a_stroke_are_at_most_one_spacing_long()
    {
        var ren = PenReader.Read(HanziFixture.Load()["人"]);
        for (var t = 1; t < ren.Length; t++)
            if (ren.Pen[t - 1] == 0)
                Assert.InRange(Math.Sqrt(ren.Dx[t] * ren.Dx[t] + ren.Dy[t] * ren.Dy[t]), 0.3, 1.0001);
    }

    [Fact]
    public void Strokes_come_back_from_the_offsets()
    {
        var tu = HanziFixture.Load()["土"];
        var strokes = PenReader.Read(tu, spacing: 0.1).ToStrokes();
        Assert.Equal(3, strokes.Count);
        for (var k = 0; k < 3; k++)
        {
            var expected = StrokeResampling.Resample([.. tu.Strokes[k].Select(HanziCharacter.ToUnitBox)], 0.1);
            Assert.Equal(expected.Length, strokes[k].Length);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].X, strokes[k][i].X, 5);
                Assert.Equal(expected[i].Y, strokes[k][i].Y, 5);
            }
        }
    }

    [Fact]
    public void The_first_offset_starts_from_the_centre_of_the_box()
    {
        var yi = PenReader.Read(HanziFixture.Load()["一"], spacing: 0.05);
        var start = HanziCharacter.ToUnitBox(new PenPoint(120, 390));
        Assert.Equal((start.X - 0.5) / 0.05, yi.Dx[0], 4);
        Assert.Equal((start.Y - 0.5) / 0.05, yi.Dy[0], 4);
    }
}
