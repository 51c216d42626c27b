using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// Writes the course site: <c>index.html</c> (syllabus and lesson list), one page per lesson with prev/next links,
/// and every asset the pages use (our stylesheet and script, KaTeX, plotly.js, the Chinese web font's subsets) so
/// the site reads offline from file://. Works on executed notebooks and never changes them (export is a separate
/// stage from execution). Lessons whose metadata says <c>rnnkit.language = zh-Hans</c> (the Chinese twins,
/// <c>NN-words.zh.ipynb</c>) make the Chinese edition: their pages <c>NN-words.zh.html</c> link to each other and
/// to <c>index.zh.html</c> (the Chinese syllabus); every page with a twin has a switch to it.
/// </summary>
/// <remarks>
/// Math is typeset in the reader's browser by the bundled KaTeX rather than at export time: KaTeX is a JavaScript
/// library, and rendering at export time would need a JavaScript runtime on the teacher's machine; in the browser
/// it is already there, and KaTeX renders a lesson's formulas in milliseconds.
/// </remarks>
public static partial class SiteExporter
{
    /// <summary>Written into every site folder; `rnnkit build` overwrites only a folder that has it.</summary>
    public const string MarkerFile = ".rnnkit-site";

    public const string IndexPage = "index.html";

    /// <summary>Exports notebooks that ran cleanly (or whose state is shown as is).</summary>
    public static Task<SiteReport> ExportAsync(IEnumerable<Notebook> notebooks, string folder, SiteOptions? options = null,
        CancellationToken cancel = default) =>
        ExportAsync(notebooks.Select(n => new SiteLesson(n)).ToList(), folder, options, cancel);

    /// <param name="lessons">The lessons in course order.</param>
    /// <param name="folder">The site's root folder; created if missing. Existing files of the same names are replaced.</param>
    /// <param name="options">Title, syllabus and asset source; defaults when null.</param>
    /// <param name="cancel">Stops a download of assets.</param>
    /// <exception cref="SiteExportException">No lessons, two lessons with one page name, content that cannot be
    /// rendered, or assets that cannot be had.</exception>
    public static async Task<SiteReport> ExportAsync(IReadOnlyList<SiteLesson> lessons, string folder, SiteOptions? options = null,
        CancellationToken cancel = default)
    {
        options ??= new SiteOptions();
        var clock = Stopwatch.StartNew();
        CheckPageNames(lessons);
        var links = LinkRewriter.For(lessons);
        // Every lesson id in course order (the order given), with the editions it has.
        var course = lessons.GroupBy(l => l.Id).Select(g => (IReadOnlyList<SiteLesson>)[.. g]).ToList();
        var editions = SiteLanguage.All.Where(language => language == SiteLanguage.English || lessons.Any(l => l.Language == language)).ToList();

        var pages = new List<(string Name, string Html)>();
        var formulas = 0;
        var charts = 0;
        foreach (var language in editions)
        {
            var syllabus = ReadSyllabus(language == SiteLanguage.English ? options.SyllabusPath : options.ChineseSyllabusPath);
            var others = editions.Where(l => l != language).Select(l => new PageLayout.Switch(l, l.IndexPage)).ToList();
            var index = Export.IndexPage.Render(course, language, syllabus, links, options.TitleIn(language), others);
            pages.Add((language.IndexPage, index.Html));
            formulas += index.Formulas;
        }
        foreach (var language in editions)
        {
            var edition = lessons.Where(l => l.Language == language).ToList();
            for (var i = 0; i < edition.Count; i++)
            {
                var lesson = edition[i];
                var twins = course.First(c => c.Contains(lesson)).Where(t => t != lesson).ToList();
                var page = LessonPage.Render(lesson, i > 0 ? edition[i - 1] : null, i + 1 < edition.Count ? edition[i + 1] : null,
                    twins, links, options.TitleIn(language));
                pages.Add((lesson.PageName, page.Html));
                formulas += page.Formulas;
                charts += page.Charts;
            }
        }

        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        SiteAssets.CopyTo(root);
        if (formulas > 0) await KatexAssets.CopyToAsync(root, options.Assets, cancel);
        if (charts > 0) PlotlyAssets.CopyTo(root);
        var cjk = pages.SelectMany(p => CjkFontAssets.CjkCharacters(p.Html)).ToHashSet();
        var font = cjk.Count > 0 ? await CjkFontAssets.CopyToAsync(root, options.Assets, cjk, cancel) : (Files: 0, Bytes: 0L);
        foreach (var (name, html) in pages)
            await File.WriteAllTextAsync(Path.Combine(root, name), html, cancel);
        await File.WriteAllTextAsync(Path.Combine(root, MarkerFile), Marker(lessons), cancel);

        return new SiteReport(root, pages.Select(p => p.Name).ToList(), formulas, charts, clock.Elapsed)
        {
            Lessons = lessons.Count,
            Editions = editions.Select(l => l.Code).ToList(),
            CjkCharacters = cjk.Count,
            FontFiles = font.Files,
            FontBytes = font.Bytes,
        };
    }

    /// <summary>True when <paramref name="folder"/> holds a site written by this exporter.</summary>
    public static bool IsSite(string folder) => File.Exists(Path.Combine(folder, MarkerFile));

    /// <summary>Math elements in rendered HTML (Markdig's span.math and div.math, and ours for text/latex).</summary>
    internal static int CountFormulas(string html) => MathElement().Count(html);

    [GeneratedRegex("<(span|div) class=\"math\">")]
    private static partial Regex MathElement();

    private static void CheckPageNames(IReadOnlyList<SiteLesson> lessons)
    {
        if (lessons.Count == 0)
            throw new SiteExportException("no lessons to export");
        var seen = new Dictionary<string, SiteLesson>(StringComparer.OrdinalIgnoreCase);
        foreach (var lesson in lessons)
        {
            var source = lesson.Notebook.Path ?? lesson.Title;
            var language = lesson.Language;
            if (SiteLanguage.All.Any(l => l.IndexPage.Equals(lesson.PageName, StringComparison.OrdinalIgnoreCase)))
                throw new SiteExportException($"{source}: a lesson cannot be named 'index' (the site's front page)");
            // (Language refused a file name and metadata that name different editions.)
            if (lesson.PageName != lesson.PageIn(language))
                throw new SiteExportException($"{source}: its page {lesson.PageName} is not the {language.Code} edition's name for lesson {lesson.Id}");
            if (seen.TryGetValue(lesson.PageName, out var other))
                throw new SiteExportException(
                    $"{other.Notebook.Path} and {lesson.Notebook.Path} would both become {lesson.PageName}; rename one");
            seen[lesson.PageName] = lesson;
        }
    }

    private static string? ReadSyllabus(string? path)
    {
        if (path is null) return null;
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SiteExportException($"{path}: cannot read the syllabus: {e.Message}", e);
        }
    }

    private static string Marker(IReadOnlyList<SiteLesson> lessons) => new JsonObject
    {
        ["generator"] = "rnnkit export",
        ["lessons"] = new JsonArray(lessons.Select(l => (JsonNode?)JsonValue.Create(l.PageName)).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
}
