namespace RnnKit.Notebooks.Formatting;

/// <summary>The MIME types the engine writes into outputs (see README.md in this folder for the contract).</summary>
public static class MimeTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string PlotlyJson = "application/vnd.plotly.v1+json";
}
