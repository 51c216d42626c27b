namespace RnnKit.Notebooks.Export;

/// <summary>
/// Which representation of a display to show, as nbconvert's HTML exporter chooses: the first MIME type of this
/// list that the output carries. Live charts come first, plain text last.
/// </summary>
public static class MimePriority
{
    public const string Plotly = "application/vnd.plotly.v1+json";
    public const string Html = "text/html";
    public const string Svg = "image/svg+xml";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Markdown = "text/markdown";
    public const string Latex = "text/latex";
    public const string Json = "application/json";
    public const string PlainText = "text/plain";

    public static IReadOnlyList<string> Order { get; } = [Plotly, Html, Svg, Png, Jpeg, Markdown, Latex, Json, PlainText];

    /// <summary>The MIME type to render, or null when the output has none we know.</summary>
    public static string? Choose(IReadOnlyDictionary<string, string> data) => Order.FirstOrDefault(data.ContainsKey);
}
