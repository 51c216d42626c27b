using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;
using FSharpChart = Plotly.NET.Chart;

namespace RnnKit;

public static partial class Charts
{
    /// <summary>Screen pixels per image pixel.</summary>
    private const double PicturePixel = 18;

    /// <summary>The width of one caption character (12 px text) in image pixels, for spacing the pictures.</summary>
    private const double CaptionCharacter = 7.0 / PicturePixel;

    /// <summary>
    /// Small grey-scale pictures side by side, <paramref name="perRow"/> to a row, row 0 of each at the top, 1 black
    /// and 0 white, each with its caption below (lines split at '\n'): an image captioner's inputs next to the captions
    /// it wrote.
    /// </summary>
    /// <param name="pictures">(caption, pixels (rows, columns) in [0, 1]) per picture; all the same size.</param>
    /// <param name="perRow">How many pictures side by side before the next row starts.</param>
    public static GenericChart Pictures(IReadOnlyList<(string Caption, double[,] Pixels)> pictures, int perRow = 3)
    {
        RequireNonEmpty(pictures, nameof(pictures));
        ArgumentOutOfRangeException.ThrowIfLessThan(perRow, 1);
        int rows = pictures[0].Pixels.GetLength(0), columns = pictures[0].Pixels.GetLength(1);
        // wide enough that neighbouring captions do not overlap
        var longestLine = pictures.Max(p => p.Caption.Split('\n').Max(l => l.Length));
        var gap = (int)Math.Ceiling(Math.Max(Math.Max(2, columns / 2.0), longestLine * CaptionCharacter - columns + 1));
        var traces = new List<GenericChart>();
        var annotations = new List<Annotation>();
        var lines = pictures.Max(p => p.Caption.Split('\n').Length);
        var band = rows + 2.5 + 0.9 * lines;
        for (var d = 0; d < pictures.Count; d++)
        {
            var pixels = pictures[d].Pixels;
            if (pixels.GetLength(0) != rows || pixels.GetLength(1) != columns)
                throw new ShapeMismatchException($"picture {d} is ({pixels.GetLength(0)}, {pixels.GetLength(1)}) but picture 0 is ({rows}, {columns}); all must be the same size");
            var left = d % perRow * (columns + gap);
            var top = -(d / perRow) * band;
            var z = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => pixels[r, c]).ToArray()).ToArray();
            var heatmap = CSharpChart.Heatmap<double, double, double, string>(
                zData: z, X: Enumerable.Range(0, columns).Select(c => (double)(left + c)).ToArray(),
                Y: Enumerable.Range(0, rows).Select(r => top + rows - 1 - r).ToArray(),
                Name: pictures[d].Caption.Replace('\n', ' '), ShowScale: false,
                ColorScale: StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Color.fromString("white")), Tuple.Create(1.0, Color.fromString("black"))]));
            traces.Add(heatmap);
            traces.Add(CSharpChart.Line<double, double, string>(
                x: [left - 0.5, left + columns - 0.5, left + columns - 0.5, left - 0.5, left - 0.5], y: [top - 0.5, top - 0.5, top + rows - 0.5, top + rows - 0.5, top - 0.5],
                ShowLegend: false, LineColor: Color.fromString("lightgray"), LineWidth: 1));
            annotations.Add(TextAt((left + (columns - 1) / 2.0, top - 1.2 - 0.9 * (lines - 1)), pictures[d].Caption.Replace("\n", "<br>"), 12, background: false));
        }
        var width = Math.Min(perRow, pictures.Count) * (columns + gap) - gap;
        var bands = (pictures.Count + perRow - 1) / perRow;
        var chart = FSharpChart.withAnnotations(annotations, FSharpOption<bool>.None).Invoke(CSharpChart.Combine(traces));
        var margin = Math.Max(1, (longestLine * CaptionCharacter - columns) / 2);
        chart = FSharpChart.withXAxis(HiddenAxis(-1 - margin, width + margin, scaleAnchor: false), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        chart = FSharpChart.withYAxis(HiddenAxis(-(bands - 1) * band - 2.5 - 1.8 * (lines - 1), rows, scaleAnchor: true), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        var background = new Layout();
        background.SetProperty("plot_bgcolor", "white");
        chart = FSharpChart.withLayout(background).Invoke(chart);
        return FSharpChart.withSize(Math.Max(300, (width + 2 * margin + 1) * PicturePixel + 80), ((bands - 1) * band + rows + 3 + 1.8 * lines) * PicturePixel + 100).Invoke(chart);
    }
}
