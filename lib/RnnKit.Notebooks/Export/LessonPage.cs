using System.Text;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>One lesson as a page: Markdown cells rendered, code cells highlighted with their outputs in place,
/// links to the previous and next lessons above and below.</summary>
internal static class LessonPage
{
    /// <summary>The rendered page and what it needs from the site.</summary>
    public sealed record Result(string Html, int Formulas, int Charts);

    /// <param name="lesson">The lesson.</param>
    /// <param name="previous">The lesson before it in its edition, or null.</param>
    /// <param name="next">The lesson after it in its edition, or null.</param>
    /// <param name="twins">The same lesson in the other editions (the language switch).</param>
    /// <param name="links">Rewrites links to notebooks into links to pages.</param>
    /// <param name="courseTitle">The course title of the lesson's edition.</param>
    public static Result Render(SiteLesson lesson, SiteLesson? previous, SiteLesson? next, IReadOnlyList<SiteLesson> twins,
        LinkRewriter links, string courseTitle)
    {
        var language = lesson.Language;
        var source = lesson.Notebook.Path ?? lesson.Stem;
        var outputs = new OutputRenderer(language);
        var cells = new StringBuilder();
        var cellsList = lesson.Notebook.Cells;
        for (var i = 0; i < cellsList.Count; i++)
            RenderCell(cellsList[i], $"{source}: cell {i + 1}", outputs, links, cells);

        var body = new StringBuilder(cells.Length + 1024);
        var nav = Navigation(previous, next, language);
        body.Append(nav).Append("<main class=\"lesson\">\n");
        if (lesson.Problem is not null)
            body.Append("<p class=\"lesson-problem\">").Append(Html.Escape(language.LessonProblem + lesson.Problem)).Append("</p>\n");
        body.Append(cells).Append("</main>\n").Append(nav);

        var formulas = SiteExporter.CountFormulas(cells.ToString());
        var footer = language.GeneratedPage(Html.Escape(Path.GetFileName(source)));
        var switches = twins.Select(t => new PageLayout.Switch(t.Language, t.PageName)).ToList();
        var html = PageLayout.Render(lesson.Title, courseTitle, body.ToString(), formulas > 0, outputs.ChartCount > 0, footer, language, switches);
        return new Result(html, formulas, outputs.ChartCount);
    }

    private static void RenderCell(Cell cell, string where, OutputRenderer outputs, LinkRewriter links, StringBuilder html)
    {
        switch (cell.Type)
        {
            case CellType.Markdown:
                html.Append("<section class=\"cell markdown\" id=\"cell-").Append(Html.Escape(cell.Id)).Append("\">\n")
                    .Append(MarkdownRenderer.ToHtml(cell.Source, links.ForCell(cell.Attachments)))
                    .Append("</section>\n");
                break;
            case CellType.Code:
                html.Append("<section class=\"cell code\" id=\"cell-").Append(Html.Escape(cell.Id)).Append("\">\n<div class=\"input\">");
                if (cell.ExecutionCount is { } n) html.Append("<span class=\"prompt in\">In [").Append(n).Append("]:</span>");
                var csharp = cell.Language is "csharp" or "C#";
                html.Append("<pre class=\"source\"><code class=\"language-").Append(Html.Escape(cell.Language)).Append("\">")
                    .Append(csharp ? CSharpHighlighter.ToHtml(cell.Source) : Html.Escape(cell.Source))
                    .Append("</code></pre></div>\n");
                if (cell.Outputs.Count > 0)
                {
                    html.Append("<div class=\"outputs\">\n");
                    outputs.Render(cell.Outputs, html, where);
                    html.Append("</div>\n");
                }
                html.Append("</section>\n");
                break;
            case CellType.Raw when cell.Metadata["format"]?.GetValue<string>() == MimeTypes.Html:
                html.Append("<section class=\"cell raw\">").Append(cell.Source).Append("</section>\n");
                break;
        }
    }

    private static string Navigation(SiteLesson? previous, SiteLesson? next, SiteLanguage language)
    {
        var nav = new StringBuilder("<nav class=\"lesson-nav\">");
        if (previous is not null)
            nav.Append("<a class=\"prev\" rel=\"prev\" href=\"").Append(Html.Escape(previous.PageName)).Append("\">← ")
                .Append(Html.Escape(language.Previous + previous.Title)).Append("</a>");
        nav.Append("<a class=\"contents\" href=\"").Append(language.IndexPage).Append("\">").Append(language.Contents).Append("</a>");
        if (next is not null)
            nav.Append("<a class=\"next\" rel=\"next\" href=\"").Append(Html.Escape(next.PageName)).Append("\">")
                .Append(Html.Escape(language.Next + next.Title)).Append(" →</a>");
        return nav.Append("</nav>\n").ToString();
    }
}
