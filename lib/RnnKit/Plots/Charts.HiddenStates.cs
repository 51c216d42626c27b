using MathNet.Numerics.LinearAlgebra;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace RnnKit;

public static partial class Charts
{
    /// <summary>Rows of the points a 3-D scatter plots.</summary>
    private const int Dimensions3D = 3;

    /// <summary>
    /// Hidden states as points in 3-D, one colour (trace) per label, e.g. the final state of each sequence coloured
    /// by its class. States with more than 3 units are projected onto their first 3 principal components
    /// (centred, by SVD); exactly 3 are plotted as they are.
    /// </summary>
    /// <param name="states">(hiddenSize ≥ 3, N): one column per point.</param>
    /// <param name="labels">N labels, one per column.</param>
    public static GenericChart HiddenStates3D(Matrix<double> states, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(labels);
        if (states.RowCount < Dimensions3D || states.ColumnCount == 0)
            throw new ShapeMismatchException($"a 3-D scatter needs states of shape (≥ 3, N ≥ 1) but got {Shape.Of(states)}");
        if (labels.Count != states.ColumnCount)
            throw new ShapeMismatchException($"got {labels.Count} labels for states of shape {Shape.Of(states)}; one label per column is needed");
        var points = states.RowCount == Dimensions3D ? states : PrincipalComponents(states, Dimensions3D);
        var traces = labels.Distinct().Select(label =>
        {
            var columns = Enumerable.Range(0, labels.Count).Where(j => labels[j] == label).ToArray();
            return CSharpChart.Point3D<double, double, double, string>(
                x: columns.Select(j => points[0, j]), y: columns.Select(j => points[1, j]), z: columns.Select(j => points[2, j]),
                Name: label);
        });
        return CSharpChart.Combine(traces);
    }

    /// <summary>The coordinates of the columns of <paramref name="data"/> on its first k principal axes: (k, N).</summary>
    internal static Matrix<double> PrincipalComponents(Matrix<double> data, int k)
    {
        var mean = data.RowSums() / data.ColumnCount;
        var centred = data.Clone();
        for (var j = 0; j < centred.ColumnCount; j++)
            centred.SetColumn(j, centred.Column(j) - mean);
        var axes = centred.Svd(computeVectors: true).U.SubMatrix(0, data.RowCount, 0, k);
        return axes.TransposeThisAndMultiply(centred);
    }
}
