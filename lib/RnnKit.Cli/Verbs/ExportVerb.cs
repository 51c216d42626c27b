using RnnKit.Notebooks.Export;
using RnnKit.Notebooks.Model;

namespace RnnKit.Cli.Verbs;

/// <summary>`rnnkit export`: the static HTML course site from executed notebooks (no execution here).</summary>
public sealed class ExportVerb : IVerb
{
    public string Name => "export";

    public string Summary => "write the offline HTML course site from executed notebooks";

    public string Usage => """
        usage: rnnkit export <notebook or folder>… --out DIR [--force] [--title TEXT] [--student]

          Writes DIR/index.html (the syllabus from the folder's README.md and the list of lessons), one page per
          notebook with previous/next links, and the assets the pages use (stylesheet, KaTeX, plotly.js, the
          Chinese font's subsets), so the site reads offline from file://. A folder stands for its .ipynb files in
          name order. Chinese twins (NN-words.zh.ipynb, metadata rnnkit.language = zh-Hans) make the Chinese
          edition: NN-words.zh.html and index.zh.html (syllabus README.zh.md), each page with a language switch.
          KaTeX is fetched once from the npm registry into ~/.cache/rnnkit (RNNKIT_CACHE to change it).

          --out DIR      the site folder: missing, empty or a site the kit wrote (replaced when the export ends)
          --force        write into a folder holding files the kit did not write (they are kept)
          --title TEXT   the course title in every page's header (both editions)
          --student      the students' site: solutions replaced by stubs, hidden tests and the outputs of
                         exercise and test cells removed
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--out", "--title"], ["--force", "--student"]);
        if (reader.Positionals.Count == 0) throw new UsageException("name at least one notebook or folder");
        var outArg = reader.Get("--out") ?? throw new UsageException("--out DIR is required");

        var files = LessonFiles.Find(reader.Positionals);
        var lessons = files.Notebooks.Select(path => new SiteLesson(Notebook.Load(path)))
            .Select(lesson => reader.Has("--student") ? lesson.ForStudents() : lesson).ToList();
        using var site = SiteTarget.Open(outArg, reader.Has("--force"), reader.Positionals);
        var options = new SiteOptions { SyllabusPath = files.Syllabus, ChineseSyllabusPath = files.ChineseSyllabus };
        if (reader.Get("--title") is { } title) options = options with { Title = title, ChineseTitle = title };
        var report = await SiteExporter.ExportAsync(lessons, site.Staging, options) with { Folder = site.Folder };
        site.Commit();
        var chinese = report.CjkCharacters > 0
            ? $", {report.CjkCharacters} Chinese characters in {report.FontFiles} font files of {report.FontBytes / 1024.0:F0} KiB"
            : "";
        var editions = report.Editions.Count > 1 ? $" in {report.Editions.Count} editions ({string.Join(", ", report.Editions)})" : "";
        stdout.WriteLine($"exported {report.Lessons} lessons{editions} ({report.Formulas} formulas, {report.Charts} charts{chinese}) " +
                         $"to {report.Folder} in {report.Elapsed.TotalSeconds:F2} s");
        return ExitCodes.Ok;
    }
}
