using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class HanziAugmentationTests
{
    private static readonly HanziCollection Fixture = HanziFixture.Load();

    [Fact]
    public void A_version_is_the_same_on_every_call()
    {
        var a = HanziAugmentation.Sample(Fixture["人"], seed: 12);
        var b = HanziAugmentation.Sample(Fixture["人"], seed: 12);
        Assert.Equal(a.Dx, b.Dx);
        Assert.Equal(a.Pen, b.Pen);
    }

    [Fact]
    public void Versions_differ_but_keep_the_strokes()
    {
        var a = HanziAugmentation.Sample(Fixture["土"], seed: 1);
        var b = HanziAugmentation.Sample(Fixture["土"], seed: 2);
        Assert.NotEqual(a.Dx, b.Dx);
        Assert.Equal(3, a.StrokeCount);
        Assert.Equal(3, b.StrokeCount);
    }

    [Fact]
    public void The_same_seed_gives_different_characters_different_distortions()
    {
        var tu = HanziAugmentation.Sample(Fixture["土"], seed: 7, new AugmentationOptions { Jitter = 0, LogSpeed = 0 });
        var shi = HanziAugmentation.Sample(Fixture["士"], seed: 7, new AugmentationOptions { Jitter = 0, LogSpeed = 0 });
        Assert.NotEqual(tu.Dy[1], shi.Dy[1]);
    }

    [Fact]
    public void Without_variation_a_version_is_the_reference()
    {
        var reference = PenReader.Read(Fixture["十"]);
        var version = HanziAugmentation.Sample(Fixture["十"], seed: 3, AugmentationOptions.None);
        Assert.Equal(reference.Dx, version.Dx);
        Assert.Equal(reference.Dy, version.Dy);
        Assert.Equal(reference.Pen, version.Pen);
    }

    [Fact]
    public void Stroke_speeds_change_the_number_of_points()
    {
        var lengths = Enumerable.Range(0, 10)
            .Select(s => HanziAugmentation.Sample(Fixture["人"], s, AugmentationOptions.None with { LogSpeed = 0.3 }).Length)
            .Distinct().Count();
        Assert.True(lengths > 1);
    }
}
