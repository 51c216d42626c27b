using System.Text;

namespace RnnKit.Notebooks.Export;

/// <summary>The HTML shell shared by the index and the lesson pages: head, header, body, footer and scripts.</summary>
internal static class PageLayout
{
    /// <summary>A link to the same page in another edition.</summary>
    /// <param name="Language">The edition it leads to.</param>
    /// <param name="Href">Its page.</param>
    public sealed record Switch(SiteLanguage Language, string Href);

    /// <param name="title">The page's own title (the lesson's), or null for the index.</param>
    /// <param name="courseTitle">The course title shown in the header.</param>
    /// <param name="body">The page's HTML between header and footer.</param>
    /// <param name="usesMath">Load KaTeX.</param>
    /// <param name="usesCharts">Load plotly.js.</param>
    /// <param name="footer">HTML for the footer line.</param>
    /// <param name="language">The page's edition: its <c>lang</c> and the header's link to its index.</param>
    /// <param name="switches">The same page in the other editions (the header's language switch).</param>
    public static string Render(string? title, string courseTitle, string body, bool usesMath, bool usesCharts, string footer,
        SiteLanguage? language = null, IReadOnlyList<Switch>? switches = null)
    {
        language ??= SiteLanguage.English;
        switches ??= [];
        var page = new StringBuilder(body.Length + 2048);
        var fullTitle = title is null ? courseTitle : $"{title} · {courseTitle}";
        page.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"rnnkit export\">\n")
            .Append("<title>").Append(Html.Escape(fullTitle)).Append("</title>\n");
        foreach (var other in switches)
            page.Append("<link rel=\"alternate\" hreflang=\"").Append(other.Language.Code).Append("\" href=\"").Append(Html.Escape(other.Href)).Append("\">\n");
        if (usesMath) page.Append("<link rel=\"stylesheet\" href=\"").Append(KatexAssets.Stylesheet).Append("\">\n");
        var header = HeaderHtml(courseTitle, language, switches);
        if (new[] { fullTitle, header, body, footer }.Any(text => CjkFontAssets.CjkCharacters(text).Any()))
            page.Append("<link rel=\"stylesheet\" href=\"").Append(CjkFontAssets.Stylesheet).Append("\">\n");
        page.Append("<link rel=\"stylesheet\" href=\"").Append(SiteAssets.Stylesheet).Append("\">\n")
            // The site script goes first so it sees errors of the scripts after it; it starts work on DOMContentLoaded.
            .Append("<script src=\"").Append(SiteAssets.Script).Append("\"></script>\n");
        if (usesMath) page.Append("<script defer src=\"").Append(KatexAssets.Script).Append("\"></script>\n");
        if (usesCharts) page.Append("<script defer src=\"").Append(PlotlyAssets.Script).Append("\"></script>\n");
        page.Append("</head>\n<body>\n")
            .Append(header)
            .Append(body)
            .Append("<footer class=\"site-footer\">").Append(footer).Append("</footer>\n")
            .Append("<div id=\"rnnkit-status\" data-state=\"pending\"></div>\n")
            .Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The course title linking to the edition's index, and the switches, each named in its own language.</summary>
    private static string HeaderHtml(string courseTitle, SiteLanguage language, IReadOnlyList<Switch> switches)
    {
        var header = new StringBuilder("<header class=\"site-header\"><a href=\"").Append(language.IndexPage).Append("\">")
            .Append(Html.Escape(courseTitle)).Append("</a>");
        foreach (var other in switches)
            header.Append("<a class=\"language-switch\" href=\"").Append(Html.Escape(other.Href)).Append("\" hreflang=\"")
                .Append(other.Language.Code).Append("\" lang=\"").Append(other.Language.Code).Append("\" title=\"")
                .Append(Html.Escape(other.Language.SwitchTitle)).Append("\">").Append(Html.Escape(other.Language.Name)).Append("</a>");
        return header.Append("</header>\n").ToString();
    }
}
