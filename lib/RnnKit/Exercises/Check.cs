using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

/// <summary>
/// Checks for exercise test cells, in the style of the deeplearning.ai graders: each failure throws a
/// <see cref="CheckFailedException"/> whose message helps find the mistake — both shapes, the first entries that
/// differ, the largest difference — instead of a bare "assertion failed".
/// </summary>
/// <example><code>
/// Check.Shape("a_next", a_next, 5, 10);
/// Check.Close("a_next", a_next, expected);
/// Check.RnnStep(RnnCellForward);
/// </code></example>
public static partial class Check
{
    /// <summary>How many differing entries a message lists before "…".</summary>
    public const int EntriesShown = 3;

    /// <summary>Fails unless <paramref name="condition"/> holds; <paramref name="feedback"/> is the message.</summary>
    public static void That(bool condition, string feedback)
    {
        if (!condition) Fail(feedback);
    }

    /// <summary>Fails with <paramref name="feedback"/>.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Fail(string feedback) => throw new CheckFailedException(feedback);

    /// <summary>Fails unless <paramref name="actual"/> is (rows, columns): "a_next has shape (5, 10), expected (5, 1)".</summary>
    public static void Shape(string name, Matrix<double>? actual, int rows, int columns)
    {
        NotNull(name, actual);
        if (actual.RowCount != rows || actual.ColumnCount != columns)
            Fail(Feedback.ShapeExpected(name, RnnKit.Shape.Of(actual), rows, columns));
    }

    /// <summary>Fails unless <paramref name="actual"/> equals <paramref name="expected"/> (ints, strings, tokens…).</summary>
    public static void Equal<T>(string name, T actual, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            Fail(Feedback.ValueExpected(name, Show(actual), Show(expected)));
    }

    /// <summary>Fails unless the number is within <paramref name="tolerance"/> of the expected one.</summary>
    public static void Close(string name, double actual, double expected, Tolerance? tolerance = null)
    {
        var tol = tolerance ?? Tolerance.Default;
        if (double.IsNaN(actual))
            Fail(Feedback.NaNExpected(name, Number(expected)));
        if (!tol.Accepts(actual, expected))
            Fail(Feedback.NumberExpected(name, Number(actual), Number(expected), Number(Math.Abs(actual - expected))));
    }

    /// <summary>
    /// Fails unless both matrices have the same shape and every entry is within <paramref name="tolerance"/>;
    /// the message gives the number of wrong entries, the first few with their indices, and the largest difference.
    /// </summary>
    public static void Close(string name, Matrix<double>? actual, Matrix<double> expected, Tolerance? tolerance = null)
    {
        var problem = Compare(name, actual, expected, tolerance ?? Tolerance.Default);
        if (problem is not null) Fail(problem);
    }

    /// <summary>Fails if any entry is NaN or infinite, naming the first one.</summary>
    public static void Finite(string name, Matrix<double>? actual)
    {
        NotNull(name, actual);
        for (var i = 0; i < actual.RowCount; i++)
            for (var j = 0; j < actual.ColumnCount; j++)
                if (!double.IsFinite(actual[i, j]))
                    Fail(Feedback.NotFinite(name, i, j, Number(actual[i, j])));
    }

    /// <summary>
    /// The comparison behind <see cref="Close(string, Matrix{double}?, Matrix{double}, Tolerance?)"/>: null when
    /// close, else the feedback. Used by the term-isolating checks to try variants without throwing.
    /// </summary>
    public static string? Compare(string name, Matrix<double>? actual, Matrix<double> expected, Tolerance tolerance)
    {
        if (actual is null) return Feedback.IsNull(name);
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
            return Feedback.ShapeExpected(name, RnnKit.Shape.Of(actual), RnnKit.Shape.Of(expected));

        var wrong = new List<(int Row, int Column)>();
        var maxDiff = 0.0;
        for (var i = 0; i < actual.RowCount; i++)
            for (var j = 0; j < actual.ColumnCount; j++)
            {
                var (a, e) = (actual[i, j], expected[i, j]);
                if (tolerance.Accepts(a, e)) continue;
                wrong.Add((i, j));
                maxDiff = double.IsNaN(a) ? double.NaN : Math.Max(maxDiff, Math.Abs(a - e));
            }
        if (wrong.Count == 0) return null;

        var shown = wrong.Take(EntriesShown)
            .Select(w => Feedback.Entry(w.Row, w.Column, Number(actual[w.Row, w.Column]), Number(expected[w.Row, w.Column])));
        var more = wrong.Count > EntriesShown ? Feedback.ListSeparator + "…" : "";
        return Feedback.EntriesWrong(name, RnnKit.Shape.Of(actual), wrong.Count, actual.RowCount * actual.ColumnCount, Number(maxDiff),
            string.Join(Feedback.ListSeparator, shown) + more);
    }

    private static void NotNull(string name, [System.Diagnostics.CodeAnalysis.NotNull] Matrix<double>? actual)
    {
        if (actual is null) Fail(Feedback.IsNull(name));
    }

    internal static string Number(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        double d => Number(d),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
