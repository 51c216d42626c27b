using Plotly.NET;

namespace RnnKit;

/// <summary>
/// Small chart helpers for the lessons, each returning a Plotly.NET <see cref="GenericChart"/> (shown live in a
/// notebook and in the exported site) or, for text, an HTML fragment. One file per chart.
/// </summary>
public static partial class Charts
{
    /// <summary>Throws naming <paramref name="what"/> unless the series has at least one value.</summary>
    private static void RequireNonEmpty<T>(IReadOnlyCollection<T> values, string what)
    {
        ArgumentNullException.ThrowIfNull(values, what);
        if (values.Count == 0)
            throw new ArgumentException($"{what} is empty; a chart needs at least one value", what);
    }
}
