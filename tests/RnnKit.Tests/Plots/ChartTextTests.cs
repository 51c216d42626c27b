using Plotly.NET;
using RnnKit.Plots;
using Xunit;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace RnnKit.Tests.Plots;

public class ChartTextTests
{
    [Fact]
    public void Titles_end_up_in_the_figure_json()
    {
        var chart = CSharpChart.Line<int, double, string>(x: new[] { 0, 1, 2 }, y: new[] { 1.0, 0.5, 0.25 })
            .WithTitle("Loss")
            .WithAxisTitles("step", "cross-entropy");
        var json = GenericChart.toFigureJson(chart);
        Assert.Contains("\"Loss\"", json);
        Assert.Contains("\"step\"", json);
        Assert.Contains("\"cross-entropy\"", json);
    }
}
