using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;

namespace RnnKit;

public static partial class Charts
{
    /// <summary>One loss curve: loss against step (1, 2, …), e.g. <c>Charts.LossCurve(trainer.LossHistory)</c>.</summary>
    public static GenericChart LossCurve(IReadOnlyList<double> losses, string name = "loss") =>
        LossCurves((name, losses));

    /// <summary>
    /// Several loss curves on one chart, one line per named series (e.g. one per optimizer, or train and
    /// validation); each is plotted against its own step numbers 1 … n.
    /// </summary>
    public static GenericChart LossCurves(params (string Name, IReadOnlyList<double> Losses)[] series)
    {
        RequireNonEmpty(series, nameof(series));
        var lines = series.Select(s =>
        {
            RequireNonEmpty(s.Losses, $"loss series '{s.Name}'");
            return CSharpChart.Line<int, double, string>(
                x: Enumerable.Range(1, s.Losses.Count), y: s.Losses, Name: s.Name, ShowLegend: series.Length > 1);
        });
        return CSharpChart.Combine(lines)
            .WithXAxisStyle<int, int, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: "loss");
    }
}
