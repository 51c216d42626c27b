using Plotly.NET;
using Plotly.NET.CSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace RnnKit;

public static partial class Charts
{
    /// <summary>
    /// The vanishing/exploding-gradient picture: ‖∂L/∂h⟨T−k⟩‖ against the distance k (0, 1, …) on a log y axis,
    /// one line per named series (e.g. RNN, LSTM, GRU). Exponential decay or growth shows as a straight line.
    /// Zero norms cannot be drawn on a log axis and are left out of the line.
    /// </summary>
    public static GenericChart GradientNormByDistance(params (string Name, IReadOnlyList<double> Norms)[] series)
    {
        RequireNonEmpty(series, nameof(series));
        var lines = series.Select(s =>
        {
            RequireNonEmpty(s.Norms, $"gradient norm series '{s.Name}'");
            var drawn = Enumerable.Range(0, s.Norms.Count).Where(k => s.Norms[k] > 0).ToArray();
            return CSharpChart.Line<int, double, string>(x: drawn, y: drawn.Select(k => s.Norms[k]), Name: s.Name, ShowMarkers: true);
        });
        return CSharpChart.Combine(lines)
            .WithXAxisStyle<int, int, string>(TitleText: "distance k (steps back)")
            .WithYAxisStyle<double, double, string>(TitleText: "gradient norm", AxisType: StyleParam.AxisType.Log);
    }
}
