using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.Chart;

namespace RnnKit.Plots;

/// <summary>
/// Titles for Plotly.NET charts in C#. Plotly.NET 6 keeps <c>Chart.withTitle</c> as an F# curried function and
/// Plotly.NET.CSharp 0.14 has no <c>WithTitle</c>, so lessons would otherwise write
/// <c>Chart.withTitle(…).Invoke(chart)</c>; these extensions read as the rest of the fluent API.
/// </summary>
public static class ChartText
{
    /// <summary>The chart with <paramref name="title"/> above it.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title) =>
        Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);

    /// <summary>The chart with both axes named, e.g. ("time step t", "‖∂h_t/∂h_0‖").</summary>
    public static GenericChart WithAxisTitles(this GenericChart chart, string xTitle, string yTitle) =>
        chart.WithXAxisStyle<double, double, string>(TitleText: xTitle)
             .WithYAxisStyle<double, double, string>(TitleText: yTitle);
}
