namespace RnnKit.Notebooks.Formatting;

/// <summary>
/// The MIME types of outputs — those the engine writes (see README.md in this folder for the contract) and those
/// the site knows how to show. The one list of these names; the claim type is <see cref="ClaimMime.Type"/>.
/// </summary>
public static class MimeTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string PlotlyJson = "application/vnd.plotly.v1+json";
    public const string Svg = "image/svg+xml";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Markdown = "text/markdown";
    public const string Latex = "text/latex";
    public const string Json = "application/json";
}
