using System.Text;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// An edition's front page: its syllabus (rendered Markdown) and the list of lessons with their titles. Every lesson
/// of the course is listed in course order; one that this edition lacks links to the other edition's page and is
/// marked so (a Chinese index lists an untranslated lesson as 仅有英文版).
/// </summary>
internal static class IndexPage
{
    public sealed record Result(string Html, int Formulas);

    /// <param name="course">The lessons of every edition, by id in course order.</param>
    /// <param name="language">The edition whose index this is.</param>
    /// <param name="syllabus">The edition's syllabus Markdown, or null for a plain heading.</param>
    /// <param name="links">Turns the syllabus's links to .ipynb files into links to their pages.</param>
    /// <param name="courseTitle">The course title for the header.</param>
    /// <param name="switches">The other editions' indexes.</param>
    public static Result Render(IReadOnlyList<IReadOnlyList<SiteLesson>> course, SiteLanguage language, string? syllabus, LinkRewriter links,
        string courseTitle, IReadOnlyList<PageLayout.Switch> switches)
    {
        var body = new StringBuilder("<main class=\"index\">\n");
        var intro = syllabus is null
            ? $"<h1>{Html.Escape(courseTitle)}</h1>\n"
            : MarkdownRenderer.ToHtml(syllabus, links.ForCell(null));
        body.Append("<section class=\"syllabus markdown\">\n").Append(intro).Append("</section>\n")
            .Append("<h2 id=\"lessons\">").Append(language.Lessons).Append("</h2>\n<ol class=\"lessons\">\n");
        var own = 0;
        foreach (var editions in course)
        {
            var lesson = editions.FirstOrDefault(l => l.Language == language);
            if (lesson is not null) own++;
            var shown = lesson ?? editions[0];
            body.Append("<li><a href=\"").Append(Html.Escape(shown.PageName)).Append('"');
            if (lesson is null)
                body.Append(" hreflang=\"").Append(shown.Language.Code).Append("\" lang=\"").Append(shown.Language.Code).Append('"');
            body.Append('>').Append(Html.Escape(shown.Title)).Append("</a>");
            if (lesson is null)
                body.Append("<span class=\"only-in\">").Append(Html.Escape(language.OnlyIn)).Append("</span>");
            if (shown.Problem is not null)
                body.Append("<span class=\"failed\" title=\"").Append(Html.Escape(shown.Problem)).Append("\">").Append(language.NotClean).Append("</span>");
            body.Append("</li>\n");
        }
        body.Append("</ol>\n</main>\n");

        var formulas = SiteExporter.CountFormulas(intro);
        var footer = language.GeneratedIndex(own);
        return new Result(PageLayout.Render(null, courseTitle, body.ToString(), formulas > 0, usesCharts: false, footer, language, switches), formulas);
    }
}
