using RnnKit.Notebooks.Formatting;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// Which representation of a display to show, as nbconvert's HTML exporter chooses: the first MIME type of this
/// list that the output carries. Live charts come first, plain text last.
/// </summary>
public static class MimePriority
{
    public static IReadOnlyList<string> Order { get; } =
    [
        MimeTypes.PlotlyJson, MimeTypes.Html, MimeTypes.Svg, MimeTypes.Png, MimeTypes.Jpeg, MimeTypes.Markdown, MimeTypes.Latex,
        MimeTypes.Json, MimeTypes.PlainText,
    ];

    /// <summary>The MIME type to render, or null when the output has none we know.</summary>
    public static string? Choose(IReadOnlyDictionary<string, string> data) => Order.FirstOrDefault(data.ContainsKey);
}
