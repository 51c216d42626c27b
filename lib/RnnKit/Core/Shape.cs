using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Thrown when a matrix does not have the shape an operation needs; the message names both shapes.</summary>
public sealed class ShapeMismatchException(string message) : ArgumentException(message);

/// <summary>Shape guards in the spirit of d2l's <c>check_shape</c>: fail early, name what was expected and what came.</summary>
public static class Shape
{
    public static string Of(Matrix<double> m) => $"({m.RowCount}, {m.ColumnCount})";

    /// <summary>Throws unless <paramref name="m"/> is (<paramref name="rows"/>, <paramref name="columns"/>).</summary>
    public static void Require(Matrix<double> m, int rows, int columns, string what)
    {
        ArgumentNullException.ThrowIfNull(m, what);
        if (m.RowCount != rows || m.ColumnCount != columns)
            throw new ShapeMismatchException($"{what} must have shape ({rows}, {columns}) but has shape {Of(m)}");
    }

    /// <summary>Throws unless <paramref name="m"/> has <paramref name="rows"/> rows (any number of columns).</summary>
    public static void RequireRows(Matrix<double> m, int rows, string what)
    {
        ArgumentNullException.ThrowIfNull(m, what);
        if (m.RowCount != rows)
            throw new ShapeMismatchException($"{what} must have {rows} rows, shape ({rows}, m), but has shape {Of(m)}");
    }

    /// <summary>Throws unless both matrices have the same shape.</summary>
    public static void RequireSame(Matrix<double> a, string whatA, Matrix<double> b, string whatB)
    {
        if (a.RowCount != b.RowCount || a.ColumnCount != b.ColumnCount)
            throw new ShapeMismatchException($"{whatA} has shape {Of(a)} but {whatB} has shape {Of(b)}; they must match");
    }
}
