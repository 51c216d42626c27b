using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;
using FSharpChart = Plotly.NET.Chart;

namespace RnnKit;

/// <summary>A state of a <see cref="Charts.StateDiagram"/>: a circle at (X, Y) with its name and a caption under it.</summary>
/// <param name="Name">Written large in the circle, e.g. "S2".</param>
/// <param name="X">Centre, in the diagram's units (the circles have radius 1).</param>
/// <param name="Y">Centre, y up.</param>
/// <param name="Caption">Written small under the name, e.g. the output of a Moore automaton's state ("out 1").</param>
public sealed record DiagramState(string Name, double X, double Y, string Caption = "");

/// <summary>An arrow of a <see cref="Charts.StateDiagram"/> from state <paramref name="From"/> to state
/// <paramref name="To"/> (indices into the states; equal for a loop), labelled e.g. with the inputs that take it.</summary>
public sealed record DiagramArrow(int From, int To, string Label);

public static partial class Charts
{
    /// <summary>Radius of a state's circle, in diagram units; lay states out about 4 apart.</summary>
    private const double StateRadius = 1.0;

    /// <summary>How far an arrow bends when the opposite arrow exists too, as a fraction of its length.</summary>
    private const double PairBend = 0.18;

    /// <summary>How far a loop reaches out of its state, in radii.</summary>
    private const double LoopReach = 2.6;

    /// <summary>Points sampled along each arrow's curve.</summary>
    private const int CurvePoints = 48;

    /// <summary>Fewest points left of an arrow's curve outside the circles: enough to aim its head.</summary>
    private const int MinimumArrowPoints = 8;

    /// <summary>Length of the straight shaft under an arrowhead, in diagram units: plotly.js drops the head of a much shorter arrow.</summary>
    private const double ArrowShaft = 0.4;

    /// <summary>Pixels per diagram unit.</summary>
    private const double PixelsPerUnit = 60;

    /// <summary>
    /// A state diagram (状态图) of a finite automaton: each state a circle with its name and caption, each transition a
    /// labelled arrow — straight, bent when the opposite arrow exists too, a loop pointing away from the centre of the
    /// diagram when it returns to its own state. Lay the states out yourself (the circles have radius 1, so about 4
    /// units apart reads well); the axes are hidden and kept at equal scale.
    /// </summary>
    public static GenericChart StateDiagram(IReadOnlyList<DiagramState> states, IReadOnlyList<DiagramArrow> arrows)
    {
        RequireNonEmpty(states, nameof(states));
        ArgumentNullException.ThrowIfNull(arrows);
        foreach (var arrow in arrows)
            if (arrow.From < 0 || arrow.From >= states.Count || arrow.To < 0 || arrow.To >= states.Count)
                throw new ArgumentException($"arrow '{arrow.Label}' goes from state {arrow.From} to state {arrow.To}, but there are only states 0 to {states.Count - 1}", nameof(arrows));
        var centre = (X: states.Average(s => s.X), Y: states.Average(s => s.Y));
        var traces = new List<GenericChart>();
        var annotations = new List<Annotation>();
        foreach (var arrow in arrows)
        {
            var curve = ArrowCurve(states, arrows, arrow, centre);
            traces.Add(CSharpChart.Line<double, double, string>(
                x: curve.Select(p => p.X), y: curve.Select(p => p.Y), Name: arrow.Label, ShowLegend: false,
                LineColor: Color.fromString("dimgray"), LineWidth: 1.5));
            annotations.Add(ArrowHead(curve[^1], curve[^1] + ArrowShaft * (curve[^4] - curve[^1]).Unit)); // along the curve's last stretch
            annotations.Add(TextAt(LabelPoint(states, arrow, curve, centre), arrow.Label, 13, background: true));
        }
        foreach (var state in states)
        {
            var circle = Enumerable.Range(0, CurvePoints + 1).Select(i => 2 * Math.PI * i / CurvePoints).ToArray();
            traces.Add(CSharpChart.Line<double, double, string>(
                x: circle.Select(a => state.X + StateRadius * Math.Cos(a)), y: circle.Select(a => state.Y + StateRadius * Math.Sin(a)),
                Name: state.Name, ShowLegend: false, LineColor: Color.fromString("black"), LineWidth: 2,
                Fill: StyleParam.Fill.ToSelf, FillColor: Color.fromString("white")));
            var text = state.Caption.Length == 0 ? $"<b>{state.Name}</b>" : $"<b>{state.Name}</b><br>{state.Caption}";
            annotations.Add(TextAt((state.X, state.Y), text, 15, background: false));
        }
        var margin = StateRadius * (1 + LoopReach);
        var (xLow, xHigh) = (states.Min(s => s.X) - margin, states.Max(s => s.X) + margin);
        var (yLow, yHigh) = (states.Min(s => s.Y) - margin, states.Max(s => s.Y) + margin);
        var chart = FSharpChart.withAnnotations(annotations, FSharpOption<bool>.None).Invoke(CSharpChart.Combine(traces));
        chart = FSharpChart.withXAxis(HiddenAxis(xLow, xHigh, scaleAnchor: false), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        chart = FSharpChart.withYAxis(HiddenAxis(yLow, yHigh, scaleAnchor: true), FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
        var background = new Layout();
        background.SetProperty("plot_bgcolor", "white");
        chart = FSharpChart.withLayout(background).Invoke(chart);
        return FSharpChart.withSize((xHigh - xLow) * PixelsPerUnit + 80, (yHigh - yLow) * PixelsPerUnit + 100).Invoke(chart);
    }

    private readonly record struct Point(double X, double Y)
    {
        public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);
        public static Point operator -(Point a, Point b) => new(a.X - b.X, a.Y - b.Y);
        public static Point operator *(double s, Point a) => new(s * a.X, s * a.Y);
        public double Length => Math.Sqrt(X * X + Y * Y);
        public Point Unit => Length == 0 ? new Point(0, 1) : 1 / Length * this;
        public Point Rotated(double radians) =>
            new(X * Math.Cos(radians) - Y * Math.Sin(radians), X * Math.Sin(radians) + Y * Math.Cos(radians));
    }

    /// <summary>The arrow's curve, from the edge of its start circle to the edge of its end circle.</summary>
    private static Point[] ArrowCurve(IReadOnlyList<DiagramState> states, IReadOnlyList<DiagramArrow> arrows, DiagramArrow arrow,
        (double X, double Y) centre)
    {
        var p = new Point(states[arrow.From].X, states[arrow.From].Y);
        var q = new Point(states[arrow.To].X, states[arrow.To].Y);
        Func<double, Point> at;
        if (arrow.From == arrow.To)
        {
            // A loop: a cubic Bézier curve leaving and re-entering the circle on the side away from the centre.
            var outward = (p - new Point(centre.X, centre.Y)).Unit;
            var c1 = p + LoopReach * StateRadius * 1.3 * outward.Rotated(0.5);
            var c2 = p + LoopReach * StateRadius * 1.3 * outward.Rotated(-0.5);
            at = t => Math.Pow(1 - t, 3) * p + 3 * Math.Pow(1 - t, 2) * t * c1 + 3 * (1 - t) * t * t * c2 + Math.Pow(t, 3) * p;
        }
        else
        {
            // A quadratic Bézier curve, bent to its left when the opposite arrow exists, so the pair does not overlap.
            var paired = arrows.Any(a => a.From == arrow.To && a.To == arrow.From);
            var d = q - p;
            var control = 0.5 * (p + q) + (paired ? PairBend * d.Length : 0) * new Point(-d.Y, d.X).Unit;
            at = t => (1 - t) * (1 - t) * p + 2 * (1 - t) * t * control + t * t * q;
        }
        var samples = Enumerable.Range(0, 4 * CurvePoints + 1).Select(i => at(i / (4.0 * CurvePoints))).ToArray();
        var curve = samples.Where(s => (s - p).Length >= StateRadius && (s - q).Length >= StateRadius * 1.05).ToArray();
        if (curve.Length < MinimumArrowPoints)
            throw new ArgumentException($"states '{states[arrow.From].Name}' and '{states[arrow.To].Name}' are too close for an arrow between them; their circles have radius {StateRadius}, so put them about 4 apart", nameof(states));
        return curve;
    }

    /// <summary>Where an arrow's label goes: at the middle of its curve, pushed off the line away from the centre for loops.</summary>
    private static (double X, double Y) LabelPoint(IReadOnlyList<DiagramState> states, DiagramArrow arrow, Point[] curve,
        (double X, double Y) centre)
    {
        var middle = curve[curve.Length / 2];
        if (arrow.From != arrow.To) return (middle.X, middle.Y);
        var outward = (middle - new Point(states[arrow.From].X, states[arrow.From].Y)).Unit;
        var label = middle + 0.45 * StateRadius * outward;
        return (label.X, label.Y);
    }

    private static Annotation ArrowHead(Point head, Point tail)
    {
        var annotation = new Annotation();
        foreach (var (name, value) in new (string, object)[]
                 {
                     ("x", head.X), ("y", head.Y), ("ax", tail.X), ("ay", tail.Y), ("xref", "x"), ("yref", "y"),
                     ("axref", "x"), ("ayref", "y"), ("text", ""), ("showarrow", true), ("arrowhead", 2),
                     ("arrowsize", 1.4), ("arrowwidth", 1.5), ("arrowcolor", "dimgray"),
                 })
            annotation.SetProperty(name, value);
        return annotation;
    }

    private static Annotation TextAt((double X, double Y) at, string text, int size, bool background)
    {
        // Plotly.NET's typed Annotation.init takes F# options for its ~40 arguments; plotly.js's own attribute
        // names, set directly, read better from C#.
        var font = new Font();
        font.SetProperty("size", size);
        var annotation = new Annotation();
        foreach (var (name, value) in new (string, object)[]
                 {
                     ("x", at.X), ("y", at.Y), ("xref", "x"), ("yref", "y"), ("text", text), ("showarrow", false),
                     ("font", font), ("bgcolor", background ? "rgba(255,255,255,0.85)" : "rgba(0,0,0,0)"),
                 })
            annotation.SetProperty(name, value);
        return annotation;
    }

    private static LinearAxis HiddenAxis(double low, double high, bool scaleAnchor)
    {
        var axis = new LinearAxis();
        axis.SetProperty("visible", false);
        axis.SetProperty("range", new[] { low, high });
        if (scaleAnchor) axis.SetProperty("scaleanchor", "x");
        return axis;
    }
}
