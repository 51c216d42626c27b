using MathNet.Numerics.LinearAlgebra;
using Plotly.NET;
using Plotly.NET.CSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace RnnKit;

public static partial class Charts
{
    /// <summary>
    /// A heatmap of a matrix, row 0 at the top: gate activations (gates × steps), or attention weights
    /// (output steps × input steps, see <see cref="AttentionHeatmap"/>). Labels are optional; when given, their
    /// counts must match the matrix.
    /// </summary>
    /// <param name="values">(rows, columns).</param>
    /// <param name="rowLabels">One per row (the y axis), or null for 0, 1, ….</param>
    /// <param name="columnLabels">One per column (the x axis), or null for 0, 1, ….</param>
    /// <param name="name">Trace name, shown on hover.</param>
    public static GenericChart Heatmap(Matrix<double> values, IReadOnlyList<string>? rowLabels = null,
        IReadOnlyList<string>? columnLabels = null, string name = "value")
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.RowCount == 0 || values.ColumnCount == 0)
            throw new ShapeMismatchException($"a heatmap needs at least one row and one column but the matrix has shape {Shape.Of(values)}");
        var rows = Labels(rowLabels, values.RowCount, "row labels", Shape.Of(values));
        var columns = Labels(columnLabels, values.ColumnCount, "column labels", Shape.Of(values));
        var z = Enumerable.Range(0, values.RowCount).Select(i => values.Row(i).ToArray()).ToArray();
        return CSharpChart.Heatmap<double, string, string, string>(
            zData: z, X: columns, Y: rows, Name: name, ReverseYAxis: true);
    }

    /// <summary>
    /// Attention weights α (output steps × input steps) with the input tokens along the top and the output tokens
    /// down the side, as in Bahdanau et al.'s figures. Pass <see cref="Translation.Weights"/>.
    /// </summary>
    public static GenericChart AttentionHeatmap(Matrix<double> weights, IReadOnlyList<string> inputTokens, IReadOnlyList<string> outputTokens) =>
        Heatmap(weights, outputTokens, inputTokens, "α")
            .WithXAxisStyle<int, int, string>(TitleText: "input", Side: StyleParam.Side.Top)
            .WithYAxisStyle<int, int, string>(TitleText: "output");

    private const char ZeroWidthSpace = '\u200B';

    private static string[] Labels(IReadOnlyList<string>? labels, int count, string what, string shape)
    {
        if (labels is null)
            return Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (labels.Count != count)
            throw new ShapeMismatchException($"{what} has {labels.Count} entries but the matrix of shape {shape} needs {count}");
        // Plotly draws string labels on a categorical axis, where equal labels are one category: the two 9s of
        // "1998" would share a column. Each repeat gets zero-width spaces appended, so it looks the same but is its own.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return labels.Select(label =>
        {
            var repeats = seen.GetValueOrDefault(label);
            seen[label] = repeats + 1;
            return repeats == 0 ? label : label + new string(ZeroWidthSpace, repeats);
        }).ToArray();
    }
}
