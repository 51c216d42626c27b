using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Broadcasting helpers for the one-column-per-example convention: biases are (n, 1) columns.</summary>
public static class Columns
{
    /// <summary>m (n, batch) + b (n, 1) added to every column → (n, batch).</summary>
    public static Matrix<double> AddBias(Matrix<double> m, Matrix<double> b)
    {
        Shape.Require(b, m.RowCount, 1, "bias");
        var result = m.Clone();
        for (var j = 0; j < m.ColumnCount; j++)
            for (var i = 0; i < m.RowCount; i++)
                result[i, j] += b[i, 0];
        return result;
    }

    /// <summary>The bias gradient: Σ over examples of d (n, batch) → (n, 1).</summary>
    public static Matrix<double> SumOverBatch(Matrix<double> d)
    {
        var result = Matrix<double>.Build.Dense(d.RowCount, 1);
        for (var j = 0; j < d.ColumnCount; j++)
            for (var i = 0; i < d.RowCount; i++)
                result[i, 0] += d[i, j];
        return result;
    }

    /// <summary>Stacks matrices with the same number of columns on top of each other: [top; bottom].</summary>
    public static Matrix<double> Stack(Matrix<double> top, Matrix<double> bottom)
    {
        if (top.ColumnCount != bottom.ColumnCount)
            throw new ShapeMismatchException($"cannot stack {Shape.Of(top)} on {Shape.Of(bottom)}: the column counts differ");
        return top.Stack(bottom);
    }

    /// <summary>(1 − m²) pointwise: tanh′ expressed through the tanh output.</summary>
    internal static Matrix<double> OneMinusSquare(Matrix<double> m) => m.Map(v => 1.0 - v * v);

    /// <summary>m (1 − m) pointwise: σ′ expressed through the sigmoid output.</summary>
    internal static Matrix<double> SigmoidSlope(Matrix<double> m) => m.Map(v => v * (1.0 - v));
}
