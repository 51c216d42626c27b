using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Plots;

public class ChartsTests
{
    [Fact]
    public void Loss_curves_are_one_line_per_series_against_step()
    {
        var figure = new Figure(Charts.LossCurves(("sgd", [3.0, 2.0, 1.5]), ("adam", [3.0, 1.0])));

        Assert.Equal(2, figure.Traces.Count);
        Assert.Equal("scatter", (string?)figure.Trace(0)["type"]);
        Assert.Equal("lines", (string?)figure.Trace(0)["mode"]);
        Assert.Equal("sgd", (string?)figure.Trace(0)["name"]);
        Assert.Equal([1.0, 2.0, 3.0], Figure.Numbers(figure.Trace(0)["x"]));
        Assert.Equal([3.0, 2.0, 1.5], Figure.Numbers(figure.Trace(0)["y"]));
        Assert.Equal([3.0, 1.0], Figure.Numbers(figure.Trace(1)["y"]));
        Assert.Single(new Figure(Charts.LossCurve([1.0])).Traces);
    }

    [Fact]
    public void Heatmap_keeps_rows_top_down_with_labels()
    {
        var weights = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0.9 }, { 0.7, 0.3 }, { 0.5, 0.5 } });
        var figure = new Figure(Charts.AttentionHeatmap(weights, ["a", "b"], ["y1", "y2", "<eos>"]));

        var trace = figure.Trace(0);
        Assert.Equal("heatmap", (string?)trace["type"]);
        Assert.Equal(["a", "b"], Figure.Strings(trace["x"]));
        Assert.Equal(["y1", "y2", "<eos>"], Figure.Strings(trace["y"]));
        var z = trace["z"]!.AsArray();
        Assert.Equal(3, z.Count);
        Assert.Equal([0.7, 0.3], Figure.Numbers(z[1]));
    }

    [Fact]
    public void Heatmap_keeps_repeated_labels_apart()
    {
        // "1998": without care, Plotly's categorical axis would put both 9s in one column
        var weights = Matrix<double>.Build.Dense(2, 4, 0.25);
        var figure = new Figure(Charts.AttentionHeatmap(weights, ["1", "9", "9", "8"], ["9", "9"]));

        var x = Figure.Strings(figure.Trace(0)["x"]);
        Assert.Equal(4, x.Distinct().Count());
        Assert.Equal(["1", "9", "9", "8"], x.Select(label => label.Replace("\u200B", "")));
        Assert.Equal(2, Figure.Strings(figure.Trace(0)["y"]).Distinct().Count());
    }

    [Fact]
    public void Heatmap_labels_must_match_the_matrix()
    {
        var m = Matrix<double>.Build.Dense(2, 3);
        var e = Assert.Throws<ShapeMismatchException>(() => Charts.Heatmap(m, rowLabels: ["only one"]));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("1 entries", e.Message);
    }

    [Fact]
    public void Hidden_states_are_one_3d_trace_per_label()
    {
        var states = Matrix<double>.Build.DenseOfColumnArrays([1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]);
        var figure = new Figure(Charts.HiddenStates3D(states, ["pos", "neg", "pos"]));

        Assert.Equal(2, figure.Traces.Count);
        var positive = figure.Trace(0);
        Assert.Equal("scatter3d", (string?)positive["type"]);
        Assert.Equal("pos", (string?)positive["name"]);
        Assert.Equal([1.0, 7.0], Figure.Numbers(positive["x"]));
        Assert.Equal([3.0, 9.0], Figure.Numbers(positive["z"]));
    }

    [Fact]
    public void Hidden_states_with_more_units_are_projected_on_principal_components()
    {
        // points along one direction in 5-D: the first component carries all the spread, the others none
        var direction = Vector<double>.Build.DenseOfArray([1.0, 2.0, 0.0, -1.0, 0.5]);
        var states = Matrix<double>.Build.DenseOfColumnVectors(Enumerable.Range(0, 6).Select(k => (k - 2.5) * direction));
        var projected = Charts.PrincipalComponents(states, 3);

        Assert.Equal(3, projected.RowCount);
        Assert.Equal(6, projected.ColumnCount);
        Assert.True(projected.Row(1).AbsoluteMaximum() < 1e-9 && projected.Row(2).AbsoluteMaximum() < 1e-9);
        Assert.Equal(direction.L2Norm(), Math.Abs(projected[0, 1] - projected[0, 0]), 9);
        var figure = new Figure(Charts.HiddenStates3D(states, ["x", "x", "x", "y", "y", "y"]));
        Assert.Equal(3, Figure.Numbers(figure.Trace(1)["x"]).Length);
    }

    [Fact]
    public void Gradient_norms_use_a_log_axis_and_skip_zeros()
    {
        var figure = new Figure(Charts.GradientNormByDistance(("rnn", [1.0, 0.1, 0.0, 0.001]), ("lstm", [1.0, 0.9])));

        Assert.Equal(2, figure.Traces.Count);
        Assert.Equal("scatter", (string?)figure.Trace(0)["type"]);
        Assert.Equal([0.0, 1.0, 3.0], Figure.Numbers(figure.Trace(0)["x"]));
        Assert.Equal([1.0, 0.1, 0.001], Figure.Numbers(figure.Trace(0)["y"]));
        Assert.Equal("log", (string?)figure.Layout["yaxis"]!["type"]);
    }

    [Fact]
    public void Activation_text_colours_each_character_by_its_value()
    {
        var html = Charts.ActivationText("a<中", [1.0, -0.5, 0.0]).Html;

        Assert.Equal(3, html.Split("<span").Length - 1);
        Assert.Contains("rgba(214, 39, 40, 1)\">a</span>", html);
        Assert.Contains("rgba(31, 119, 180, 0.5)\">&lt;</span>", html);
        Assert.Contains("0)\">中</span>", html);
        Assert.Contains("title=\"-0.5\"", html);
    }

    [Fact]
    public void Activation_text_needs_one_finite_value_per_character()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.ActivationText("abc", [1.0, 2.0]));
        Assert.Contains("3 tokens but 2 values", e.Message);
        e = Assert.Throws<ArgumentException>(() => Charts.ActivationText("ab", [1.0, double.NaN]));
        Assert.Contains("token 'b'", e.Message);
    }

    [Fact]
    public void Empty_series_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Charts.LossCurve([]));
        Assert.Throws<ArgumentException>(() => Charts.GradientNormByDistance());
    }
}
