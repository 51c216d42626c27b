using Xunit;

namespace RnnKit.Tests.Plots;

public class StateDiagramTests
{
    private static readonly DiagramState[] TwoStates = [new("A", 0, 0, "out 0"), new("B", 4, 0, "out 1")];

    [Fact]
    public void Draws_one_line_per_arrow_then_one_circle_per_state_with_labels_and_heads()
    {
        DiagramArrow[] arrows = [new(0, 1, "x=1"), new(1, 0, "x=0"), new(1, 1, "x=1")];

        var figure = new Figure(Charts.StateDiagram(TwoStates, arrows));

        Assert.Equal(arrows.Length + TwoStates.Length, figure.Traces.Count);
        Assert.Equal("x=1", (string?)figure.Trace(0)["name"]);
        Assert.Equal("A", (string?)figure.Trace(3)["name"]);
        Assert.Equal("toself", (string?)figure.Trace(3)["fill"]);
        var texts = figure.Layout["annotations"]!.AsArray().Select(a => (string?)a!["text"]).ToList();
        Assert.Equal(3, texts.Count(t => t == "")); // one arrowhead per arrow
        Assert.Contains("x=0", texts);
        Assert.Contains("<b>B</b><br>out 1", texts);
        Assert.False((bool)figure.Layout["xaxis"]!["visible"]!);
        Assert.Equal("x", (string?)figure.Layout["yaxis"]!["scaleanchor"]);
        Assert.Equal("white", (string?)figure.Layout["plot_bgcolor"]);
    }

    [Fact]
    public void Arrows_start_and_end_on_the_circles_and_a_pair_bends_apart()
    {
        var figure = new Figure(Charts.StateDiagram(TwoStates, [new(0, 1, "there"), new(1, 0, "back")]));

        var thereX = Figure.Numbers(figure.Trace(0)["x"]);
        var thereY = Figure.Numbers(figure.Trace(0)["y"]);
        var backY = Figure.Numbers(figure.Trace(1)["y"]);
        Assert.InRange(Math.Sqrt(thereX[0] * thereX[0] + thereY[0] * thereY[0]), 1.0, 1.1);
        Assert.InRange(Math.Sqrt(Math.Pow(thereX[^1] - 4, 2) + thereY[^1] * thereY[^1]), 1.05, 1.15);
        // The arrowhead sits at the end of the curve, its shaft long enough for plotly.js to draw the head.
        var head = figure.Layout["annotations"]!.AsArray().First(a => (string?)a!["text"] == "")!;
        Assert.Equal(thereX[^1], (double)head["x"]!);
        var shaft = Math.Sqrt(Math.Pow((double)head["ax"]! - thereX[^1], 2) + Math.Pow((double)head["ay"]! - thereY[^1], 2));
        Assert.Equal(0.4, shaft, 1e-9);
        // Going right the arrow bends to its left (up), coming back to its left (down).
        Assert.True(thereY[thereY.Length / 2] > 0.3);
        Assert.True(backY[backY.Length / 2] < -0.3);
    }

    [Fact]
    public void Bad_arrows_and_crowded_states_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.StateDiagram(TwoStates, [new(0, 2, "lost")]));
        Assert.Contains("'lost'", e.Message);
        Assert.Contains("states 0 to 1", e.Message);
        var crowded = Assert.Throws<ArgumentException>(
            () => Charts.StateDiagram([new("A", 0, 0), new("B", 1, 0)], [new(0, 1, "x")]));
        Assert.Contains("too close", crowded.Message);
    }
}
