using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace RnnKit.Notebooks.Formatting;

/// <summary>
/// Turns a value into the MIME bundle of a Jupyter output (MIME type → content), as .NET Interactive does:
/// strings are text/plain only; Plotly.NET charts are plotly JSON + an HTML fallback + text/plain; any other value
/// is formatted by <see cref="Formatter"/> for its preferred MIME types (text/html for most objects), always with a
/// text/plain rendering as well.
/// </summary>
public static class MimeBundle
{
    /// <param name="value">The value to show; null shows as "null".</param>
    /// <param name="displayId">Used to give a chart's HTML fallback a stable element id.</param>
    /// <param name="mimeType">Force one MIME type (as <c>display(x, "text/html")</c>); text/plain is added too.</param>
    public static Dictionary<string, string> For(object? value, string displayId, string? mimeType = null)
    {
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case null:
                bundle[MimeTypes.PlainText] = "null";
                return bundle;
            case string text when mimeType is null or MimeTypes.PlainText:
                bundle[MimeTypes.PlainText] = text;
                return bundle;
            case string text:
                bundle[mimeType] = text;
                bundle[MimeTypes.PlainText] = text;
                return bundle;
            case GenericChart chart when mimeType is null:
                return PlotlyMime.For(chart, displayId);
        }

        var mimeTypes = mimeType is null ? Formatter.GetPreferredMimeTypesFor(value.GetType()) : [mimeType];
        foreach (var mime in mimeTypes)
            bundle[mime] = Format(value, mime);
        if (!bundle.ContainsKey(MimeTypes.PlainText))
            bundle[MimeTypes.PlainText] = Format(value, MimeTypes.PlainText);
        return bundle;
    }

    /// <summary>The formatter's text with '\n' line ends (its HTML styles come with "\r\n").</summary>
    private static string Format(object value, string mimeType) =>
        Formatter.ToDisplayString(value, mimeType).Replace("\r\n", "\n", StringComparison.Ordinal);
}
