using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class HanziCharacterTests
{
    [Fact]
    public void Reads_the_medians_stroke_by_stroke()
    {
        var tu = HanziFixture.Load()["土"];
        Assert.Equal(3, tu.StrokeCount);
        Assert.Equal(new PenPoint(505, 790), tu.Strokes[1][0]);
        Assert.Equal(new PenPoint(920, 44), tu.Strokes[2][^1]);
    }

    [Theory]
    [InlineData("{\"strokes\": []}", "no 'medians'")]
    [InlineData("{\"medians\": [[]]}", "stroke 1")]
    [InlineData("{\"medians\": [[[1, 2]], [[1, 2], [3]]]}", "stroke 2, point 2")]
    [InlineData("{\"medians\": ", "not valid JSON")]
    public void Bad_files_are_named_with_what_is_wrong(string json, string expected)
    {
        var e = Assert.Throws<HanziFormatException>(() => HanziCharacter.Parse("永", json, "永.json"));
        Assert.StartsWith("永.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void The_box_maps_to_the_unit_square()
    {
        Assert.Equal(new PenPoint(0, 0), HanziCharacter.ToUnitBox(new PenPoint(0, HanziCharacter.BoxBottom)));
        Assert.Equal(new PenPoint(1, 1), HanziCharacter.ToUnitBox(new PenPoint(1024, 900)));
    }
}
