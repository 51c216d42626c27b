using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class StrokeOrderTests
{
    private static string Key(PenPoint[] stroke) => string.Join(" ", stroke.Select(p => $"{p.X:F4},{p.Y:F4}"));

    [Fact]
    public void Shuffling_keeps_every_stroke_and_its_direction_and_changes_only_the_order()
    {
        var tu = PenReader.Read(HanziFixture.Load()["土"]);
        var original = tu.ToStrokes().Select(Key).ToList();
        var orders = new HashSet<string>();
        for (var seed = 0; seed < 6; seed++)
        {
            var shuffled = StrokeOrder.Shuffle(tu, new Random(seed));
            Assert.Equal(tu.Length, shuffled.Length);
            Assert.Equal(tu.StrokeCount, shuffled.StrokeCount);
            var strokes = shuffled.ToStrokes().Select(Key).ToList();
            Assert.Equal(original.Order(StringComparer.Ordinal), strokes.Order(StringComparer.Ordinal));
            orders.Add(string.Join("|", strokes));
        }
        Assert.True(orders.Count > 1, "six seeds gave one order: the strokes were not shuffled");
        Assert.Equal(StrokeOrder.Shuffle(tu, new Random(3)).Dx, StrokeOrder.Shuffle(tu, new Random(3)).Dx);
    }
}
