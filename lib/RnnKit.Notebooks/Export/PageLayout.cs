using System.Text;

namespace RnnKit.Notebooks.Export;

/// <summary>The HTML shell shared by the index and the lesson pages: head, header, body, footer and scripts.</summary>
internal static class PageLayout
{
    /// <param name="title">The page's own title (the lesson's), or null for the index.</param>
    /// <param name="courseTitle">The course title shown in the header.</param>
    /// <param name="body">The page's HTML between header and footer.</param>
    /// <param name="usesMath">Load KaTeX.</param>
    /// <param name="usesCharts">Load plotly.js.</param>
    /// <param name="footer">HTML for the footer line.</param>
    public static string Render(string? title, string courseTitle, string body, bool usesMath, bool usesCharts, string footer)
    {
        var page = new StringBuilder(body.Length + 2048);
        var fullTitle = title is null ? courseTitle : $"{title} · {courseTitle}";
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"rnnkit export\">\n")
            .Append("<title>").Append(Html.Escape(fullTitle)).Append("</title>\n");
        if (usesMath) page.Append("<link rel=\"stylesheet\" href=\"").Append(KatexAssets.Stylesheet).Append("\">\n");
        if (CjkFontAssets.CjkCharacters(fullTitle).Any() || CjkFontAssets.CjkCharacters(body).Any() || CjkFontAssets.CjkCharacters(footer).Any())
            page.Append("<link rel=\"stylesheet\" href=\"").Append(CjkFontAssets.Stylesheet).Append("\">\n");
        page.Append("<link rel=\"stylesheet\" href=\"").Append(SiteAssets.Stylesheet).Append("\">\n")
            // The site script goes first so it sees errors of the scripts after it; it starts work on DOMContentLoaded.
            .Append("<script src=\"").Append(SiteAssets.Script).Append("\"></script>\n");
        if (usesMath) page.Append("<script defer src=\"").Append(KatexAssets.Script).Append("\"></script>\n");
        if (usesCharts) page.Append("<script defer src=\"").Append(PlotlyAssets.Script).Append("\"></script>\n");
        page.Append("</head>\n<body>\n")
            .Append("<header class=\"site-header\"><a href=\"index.html\">").Append(Html.Escape(courseTitle)).Append("</a></header>\n")
            .Append(body)
            .Append("<footer class=\"site-footer\">").Append(footer).Append("</footer>\n")
            .Append("<div id=\"rnnkit-status\" data-state=\"pending\"></div>\n")
            .Append("</body>\n</html>\n");
        return page.ToString();
    }
}
