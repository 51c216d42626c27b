using System.Net;
using System.Text;
using Words = RnnKit.Exercises.Feedback;

namespace RnnKit.Notebooks.Exercises;

/// <summary>One student's feedback as a self-contained HTML page: total, then each exercise's result and message, in
/// the submission's language (<see cref="SubmissionGrade.Language"/>).</summary>
public static class FeedbackPage
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        .passed { color: #1a7f37; } .failed, .error, .timeout, .missing { color: #b42318; }
        pre { white-space: pre-wrap; margin: 0; font-size: .9rem; }
        """;

    public static string Render(SubmissionGrade grade)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        using var language = KitSettings.Use(KitSettings.Current with { Language = grade.Language });
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{E(grade.Language)}">
            <head><meta charset="utf-8"><title>{Words.PageTitle}: {E(grade.File)}</title><style>{Style}</style></head>
            <body>
            <h1>{Words.PageTitle}</h1>
            <p>{Words.PageSubmission(E(grade.File), grade.Source is null ? null : E(Path.GetFileName(grade.Source)))}</p>
            <p><strong>{Words.PageScore(grade.Score, grade.Max)}</strong></p>

            """);
        if (grade.Error is not null)
            html.Append($"<p class=\"error\">{E(grade.Error)}</p>\n");
        foreach (var note in grade.Notes)
            html.Append($"<p class=\"note\">{E(note)}</p>\n");
        if (grade.Exercises.Count > 0)
        {
            html.Append("<table>\n").Append(Words.PageHead).Append('\n');
            foreach (var e in grade.Exercises)
                html.Append($"<tr><td>{E(e.Id)}: {E(e.Title)}</td><td>{e.Score} / {e.Max}</td>" +
                            $"<td class=\"{E(e.Status)}\">{E(Words.Status(e.Status))}</td><td><pre>{E(e.Feedback)}</pre></td></tr>\n");
            html.Append("</table>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
