using System.Diagnostics;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Export;
using RnnKit.Notebooks.Model;

namespace RnnKit.Cli.Verbs;

/// <summary>
/// `rnnkit build`: the teacher's main command. Runs every lesson of the course folder with the engine, keeps the
/// executed copies and the run report, then exports the course site from the executed copies.
/// </summary>
public sealed class BuildVerb : IVerb
{
    private const string DefaultSite = "site";
    private const string DefaultNotebooks = "notebooks";
    private const string DefaultExecuted = "build/executed";
    private const string ReportName = "report.json";

    public string Name => "build";

    public string Summary => "run every lesson, then export the course site (the main command)";

    public string Usage => $"""
        usage: rnnkit build [--out DIR] [--force] [--notebooks DIR] [--executed DIR] [--timeout S] [--title TEXT]
                         [--student] [--seed N] [--short-training] [--claims check|report]

          Runs every lesson in the course folder (in name order, each in a fresh C# session, stopping a lesson at
          its first failing cell), writes the executed copies and a run report ({ReportName}), then exports the
          site from the executed copies. Progress goes to stderr. Exit 2 when a lesson fails (it is named); the
          site is still written, failed lessons show their error.

          --out DIR        the site folder (default {DefaultSite}/); a site built before is replaced without --force
          --force          write into a non-empty folder that is not a previous site
          --notebooks DIR  the course folder (default {DefaultNotebooks}/), with README.md as the syllabus
          --executed DIR   where the executed lessons and {ReportName} go (default {DefaultExecuted}/)
          --timeout S      longest a cell may run, in seconds (default {RunOptions.DefaultCellTimeout.TotalSeconds})
          --title TEXT     the course title in every page's header
          --student        publish the students' site: solutions replaced by the stubs students get, hidden tests
                           and the outputs of exercise and test cells removed (the executed copies stay complete)
        {KitOptions.Usage}
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--out", "--notebooks", "--executed", "--timeout", "--title", .. KitOptions.ValueOptions],
            ["--force", "--student", .. KitOptions.Flags]);
        if (reader.Positionals.Count > 0)
            throw new UsageException($"unexpected argument '{reader.Positionals[0]}' (the lessons come from --notebooks)");
        var outArg = reader.Get("--out", DefaultSite);
        var executedFolder = Path.GetFullPath(reader.Get("--executed", DefaultExecuted));
        var timeout = reader.GetDouble("--timeout", RunOptions.DefaultCellTimeout.TotalSeconds, min: 1);
        var files = ExportVerb.Find([reader.Get("--notebooks", DefaultNotebooks)]);
        using var kit = KitSettings.Use(KitOptions.Read(reader));
        var site = PrepareSite(outArg, reader.Has("--force"));

        var clock = Stopwatch.StartNew();
        var options = new RunOptions { CellTimeout = TimeSpan.FromSeconds(timeout) };
        var lessons = new List<SiteLesson>();
        var reports = new List<NotebookReport>();
        for (var i = 0; i < files.Notebooks.Count; i++)
        {
            var path = files.Notebooks[i];
            stderr.WriteLine($"[{i + 1}/{files.Notebooks.Count}] running {path}");
            var (lesson, report) = await RunLessonAsync(path, options, executedFolder, stderr);
            reports.Add(report);
            if (lesson is not null) lessons.Add(reader.Has("--student") ? ExportVerb.ForStudents(lesson) : lesson);
        }
        Directory.CreateDirectory(executedFolder);
        await File.WriteAllTextAsync(Path.Combine(executedFolder, ReportName), NotebookReport.ToJson(reports));
        var ran = clock.Elapsed;

        if (lessons.Count > 0)
        {
            var siteReport = await ExportVerb.WriteSiteAsync(lessons, site, files.Syllabus, reader.Get("--title"));
            stderr.WriteLine($"exported {lessons.Count} lessons{(reader.Has("--student") ? " (student version)" : "")} to {siteReport.Folder} in {siteReport.Elapsed.TotalSeconds:F1} s");
        }
        var failed = reports.Where(r => !r.Succeeded).ToList();
        stdout.WriteLine($"built {site}: {reports.Count - failed.Count} of {reports.Count} lessons ran cleanly " +
                         $"(lessons {ran.TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s); report {Path.Combine(executedFolder, ReportName)}");
        if (failed.Count == 0) return ExitCodes.Ok;
        stderr.WriteLine($"rnnkit build: {failed.Count} lesson(s) failed: {string.Join("; ", failed.Select(Describe))}");
        return ExitCodes.Failed;
    }

    /// <summary>Runs one lesson and saves its executed copy; a lesson that cannot be read is a failed report with no page.</summary>
    private static async Task<(SiteLesson? Lesson, NotebookReport Report)> RunLessonAsync(string path, RunOptions options,
        string executedFolder, TextWriter stderr)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (NotebookFormatException e)
        {
            stderr.WriteLine($"  cannot read it: {e.Message}");
            return (null, new NotebookReport(path, NotebookReport.Failed, 0, [], e.Message));
        }
        var run = await NotebookRunner.RunAsync(notebook, options, new CellProgress(stderr));
        var executed = run.Executed;
        executed.Path = Path.Combine(executedFolder, Path.GetFileName(path));
        executed.Save(executed.Path);
        var report = run.Report;
        stderr.WriteLine(report.Succeeded
            ? $"  ok: {report.Cells.Count} cells in {report.Seconds:F1} s"
            : $"  FAILED: {Describe(report)}");
        return (new SiteLesson(executed, report.Succeeded ? null : $"This lesson did not run cleanly: {Describe(report)}"), report);
    }

    /// <summary>One line naming the lesson and its first failing cell (a compile error's other lines are on the page).</summary>
    private static string Describe(NotebookReport report) => FirstLine(
        report.Error ?? (report.FirstFailure is { } cell
            ? $"{report.Path} cell {cell.Index} ({cell.Status.ToWire()}): {cell.Error}"
            : $"{report.Path}: failed"));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    /// <summary>
    /// The site folder: a folder holding a previous site (its marker file) is emptied and reused without --force;
    /// any other non-empty folder needs --force, as for every --out.
    /// </summary>
    private static string PrepareSite(string outArg, bool force)
    {
        var full = Path.GetFullPath(outArg);
        if (Directory.Exists(full) && SiteExporter.IsSite(full))
        {
            foreach (var file in Directory.EnumerateFiles(full)) File.Delete(file);
            foreach (var folder in Directory.EnumerateDirectories(full)) Directory.Delete(folder, recursive: true);
            return full;
        }
        return OutputFolder.Prepare(outArg, force);
    }

    /// <summary>Reports failing cells as they happen (synchronously, so lines stay in order).</summary>
    private sealed class CellProgress(TextWriter stderr) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (!value.Result.Succeeded)
                stderr.WriteLine($"  cell {value.Cell}/{value.CellCount}: {value.Result.Status}: {value.Result.Error}");
        }
    }
}
