using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using RnnKit.Handwriting;
using CSharpChart = Plotly.NET.CSharp.Chart;
using FSharpChart = Plotly.NET.Chart;

namespace RnnKit;

public static partial class Charts
{
    /// <summary>The gap between two drawings, as a fraction of the box's side.</summary>
    private const double DrawingGap = 0.2;

    /// <summary>Pixels per box side.</summary>
    private const double DrawingPixels = 170;

    /// <summary>Viridis at 0, ¼, ½, ¾, 1: early strokes dark blue, late ones yellow.</summary>
    private static readonly (int R, int G, int B)[] TimeColours = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)];

    /// <summary>
    /// Characters drawn from their pen sequences side by side, each in its unit box: every stroke a line with its
    /// points marked, coloured by when it was written (dark blue first, yellow last), its number in the stroke order
    /// (笔顺) at its first point, and the caption below the box.
    /// </summary>
    /// <param name="drawings">(caption, pen sequence) per character.</param>
    public static GenericChart PenDrawing(IReadOnlyList<(string Caption, PenSequence Sequence)> drawings)
    {
        RequireNonEmpty(drawings, nameof(drawings));
        var traces = new List<GenericChart>();
        var annotations = new List<Annotation>();
        for (var d = 0; d < drawings.Count; d++)
        {
            var left = d * (1 + DrawingGap);
            var strokes = drawings[d].Sequence.ToStrokes();
            traces.Add(CSharpChart.Line<double, double, string>(
                x: [left, left + 1, left + 1, left, left], y: [0.0, 0, 1, 1, 0], ShowLegend: false,
                LineColor: Color.fromString("lightgray"), LineWidth: 1));
            for (var k = 0; k < strokes.Count; k++)
            {
                var colour = TimeColour(strokes.Count == 1 ? 0 : (double)k / (strokes.Count - 1));
                traces.Add(CSharpChart.Line<double, double, string>(
                    x: strokes[k].Select(p => left + p.X), y: strokes[k].Select(p => p.Y), ShowMarkers: true, ShowLegend: false,
                    Name: $"{drawings[d].Caption} stroke {k + 1}", LineColor: colour, MarkerColor: colour, LineWidth: 3));
                annotations.Add(TextAt((left + strokes[k][0].X, strokes[k][0].Y), $"{k + 1}", 11, background: true));
            }
            annotations.Add(TextAt((left + 0.5, -0.1), drawings[d].Caption, 14, background: false));
        }
        var width = drawings.Count * (1 + DrawingGap) - DrawingGap;
        var chart = FSharpChart.withAnnotations(annotations, FSharpOption<bool>.None).Invoke(CSharpChart.Combine(traces));
        chart = FSharpChart.withXAxis(HiddenAxis(-0.05, width + 0.05, scaleAnchor: false), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        chart = FSharpChart.withYAxis(HiddenAxis(-0.2, 1.05, scaleAnchor: true), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        var background = new Layout();
        background.SetProperty("plot_bgcolor", "white");
        chart = FSharpChart.withLayout(background).Invoke(chart);
        return FSharpChart.withSize(Math.Max(300, (width + 0.1) * DrawingPixels + 80), 1.25 * DrawingPixels + 100).Invoke(chart);
    }

    /// <summary>The colour at <paramref name="t"/> ∈ [0, 1] along <see cref="TimeColours"/>.</summary>
    private static Color TimeColour(double t)
    {
        var at = Math.Clamp(t, 0, 1) * (TimeColours.Length - 1);
        var i = Math.Min((int)at, TimeColours.Length - 2);
        var f = at - i;
        int Mix(int a, int b) => (int)Math.Round(a + f * (b - a));
        var (a, b) = (TimeColours[i], TimeColours[i + 1]);
        return Color.fromRGB(Mix(a.R, b.R), Mix(a.G, b.G), Mix(a.B, b.B));
    }
}
