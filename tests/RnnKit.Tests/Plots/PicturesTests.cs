using Xunit;

namespace RnnKit.Tests.Plots;

public class PicturesTests
{
    [Fact]
    public void Each_picture_is_a_heatmap_with_row_0_at_the_top_and_its_caption_below()
    {
        var plus = new double[,] { { 0, 1, 0 }, { 1, 1, 1 }, { 0, 1, 0 } };
        var corner = new double[,] { { 1, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
        var figure = new Figure(Charts.Pictures([("a plus", plus), ("a dot\nat the top left", corner)]));
        var heatmaps = figure.Traces.Select(t => t!.AsObject()).Where(t => (string?)t["type"] == "heatmap").ToList();
        Assert.Equal(2, heatmaps.Count);
        // the first row of z is drawn at the top: y runs from rows − 1 down to 0
        Assert.Equal([2.0, 1.0, 0.0], Figure.Numbers(heatmaps[1]["y"]));
        Assert.Equal([1.0, 0.0, 0.0], Figure.Numbers(heatmaps[1]["z"]![0]));
        // the second picture sits to the right of the first, with a gap
        Assert.True(Figure.Numbers(heatmaps[1]["x"]).Min() > Figure.Numbers(heatmaps[0]["x"]).Max() + 1);
        var captions = figure.Layout["annotations"]!.AsArray().Select(a => (string)a!["text"]!).ToList();
        Assert.Equal(["a plus", "a dot<br>at the top left"], captions);
    }

    [Fact]
    public void A_fourth_picture_starts_a_second_row_below_the_first()
    {
        var pixels = new double[2, 2];
        var figure = new Figure(Charts.Pictures([("a", pixels), ("b", pixels), ("c", pixels), ("d", pixels)], perRow: 3));
        var heatmaps = figure.Traces.Select(t => t!.AsObject()).Where(t => (string?)t["type"] == "heatmap").ToList();
        Assert.Equal(Figure.Numbers(heatmaps[0]["x"]), Figure.Numbers(heatmaps[3]["x"]));
        Assert.True(Figure.Numbers(heatmaps[3]["y"]).Max() < Figure.Numbers(heatmaps[0]["y"]).Min() - 2);
    }

    [Fact]
    public void Pictures_of_different_sizes_and_no_pictures_are_refused()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => Charts.Pictures([("a", new double[3, 3]), ("b", new double[4, 3])]));
        Assert.Contains("picture 1 is (4, 3) but picture 0 is (3, 3)", e.Message);
        Assert.Throws<ArgumentException>(() => Charts.Pictures([]));
    }
}
