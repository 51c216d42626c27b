using System.Diagnostics;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>What a <see cref="CourseBuild"/> is asked to do.</summary>
public sealed record CourseBuildOptions
{
    /// <summary>The lessons in course order and the syllabus (<see cref="LessonFiles.Find"/> of the course folder).</summary>
    public required LessonFiles Lessons { get; init; }

    /// <summary>The site folder. A previous site is replaced whole when the build finishes (<see cref="SiteTarget"/>);
    /// until then, and if the build fails or is stopped, it stays as it was.</summary>
    public required string Site { get; init; }

    /// <summary>Write the site into a folder that holds files the kit did not write (they are kept).</summary>
    public bool Force { get; init; }

    /// <summary>Where the executed lessons and <see cref="CourseBuild.ReportName"/> go.</summary>
    public required string Executed { get; init; }

    /// <summary>How each lesson runs (cell time limit).</summary>
    public RunOptions Run { get; init; } = new();

    /// <summary>Publish the students' pages (<see cref="SiteLesson.ForStudents"/>); the executed copies stay complete.</summary>
    public bool Student { get; init; }

    /// <summary>The course title in every page's header; null for the default.</summary>
    public string? Title { get; init; }
}

/// <summary>What a course build did.</summary>
/// <param name="Reports">One per lesson, in course order.</param>
/// <param name="Site">What the export wrote; null when no lesson could be read.</param>
/// <param name="ReportPath">The run report.</param>
/// <param name="Lessons">Time spent running the lessons.</param>
/// <param name="Total">Time of the whole build.</param>
/// <param name="Failures">One line per lesson that did not run cleanly.</param>
public sealed record CourseBuildResult(IReadOnlyList<NotebookReport> Reports, SiteReport? Site, string ReportPath, TimeSpan Lessons,
    TimeSpan Total, IReadOnlyList<string> Failures);

/// <summary>
/// `rnnkit build`, the teacher's main job: runs every lesson of the course folder (each in a fresh session,
/// stopping at its first failing cell), saves the executed copies and the run report, then exports the site from
/// the executed copies. A lesson that fails still gets its page, which shows the error. Nothing is destroyed: the
/// site is put in place at the end (<see cref="SiteTarget"/>), the site and executed folders may not overlap the
/// lessons, and one build at a time may use an executed folder (a lock file in it).
/// </summary>
public static class CourseBuild
{
    public const string ReportName = "report.json";

    /// <summary>The lock file a build holds in its executed folder.</summary>
    public const string LockName = ".rnnkit-build.lock";

    /// <param name="options">Folders and settings.</param>
    /// <param name="log">Progress lines: each lesson as it starts and ends, each failing cell.</param>
    /// <param name="cancellationToken">Stops the cell running.</param>
    /// <exception cref="NotebookInputException">The folders overlap, the site folder holds other files (without
    /// <see cref="CourseBuildOptions.Force"/>), another build uses the executed folder, or the site cannot be written.</exception>
    /// <exception cref="OperationCanceledException">Stopped; the previous site is untouched.</exception>
    public static async Task<CourseBuildResult> RunAsync(CourseBuildOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var files = options.Lessons;
        var sources = files.Notebooks.Select(n => Path.GetDirectoryName(Path.GetFullPath(n))!).Distinct().ToList();
        if (sources.FirstOrDefault(s => NotebookFiles.Overlap(options.Executed, s)) is { } lessonFolder)
            throw new NotebookInputException($"--executed {options.Executed}: overlaps the lessons in {lessonFolder}; the executed copies would overwrite them");
        using var site = SiteTarget.Open(options.Site, options.Force, [.. sources, options.Executed]);
        using var buildLock = LockExecuted(options.Executed);
        var clock = Stopwatch.StartNew();
        var lessons = new List<SiteLesson>();
        var reports = new List<NotebookReport>();
        var failures = new List<string>();
        for (var i = 0; i < files.Notebooks.Count; i++)
        {
            var path = files.Notebooks[i];
            log.WriteLine($"[{i + 1}/{files.Notebooks.Count}] running {path}");
            var run = await NotebookFileRun.RunAsync(path, options.Executed, options.Run, new FailingCells(log), cancellationToken);
            reports.Add(run.Report);
            if (run.Failure is { } failure) failures.Add(failure);
            if (run.Executed is null)
            {
                log.WriteLine($"  cannot read it: {run.Report.Error}");
                continue;
            }
            log.WriteLine(run.Failure is null ? $"  ok: {run.Report.Cells.Count} cells in {run.Report.Seconds:F1} s" : $"  FAILED: {run.Failure}");
            var lesson = new SiteLesson(run.Executed, run.Failure);
            lessons.Add(options.Student ? lesson.ForStudents() : lesson);
            cancellationToken.ThrowIfCancellationRequested();
        }
        var reportPath = Path.Combine(options.Executed, ReportName);
        await File.WriteAllTextAsync(reportPath, NotebookReport.ToJson(reports), cancellationToken);
        var ran = clock.Elapsed;

        SiteReport? written = null;
        if (lessons.Count > 0)
        {
            var siteOptions = new SiteOptions { SyllabusPath = files.Syllabus, ChineseSyllabusPath = files.ChineseSyllabus };
            if (options.Title is not null) siteOptions = siteOptions with { Title = options.Title, ChineseTitle = options.Title };
            written = await SiteExporter.ExportAsync(lessons, site.Staging, siteOptions, cancellationToken);
            site.Commit();
            written = written with { Folder = site.Folder };
            var editions = written.Editions.Count > 1 ? $" in {written.Editions.Count} editions ({string.Join(", ", written.Editions)})" : "";
            var chinese = written.CjkCharacters > 0
                ? $"; {written.CjkCharacters} Chinese characters in {written.FontFiles} font files of {written.FontBytes / 1024.0:F0} KiB"
                : "";
            log.WriteLine($"exported {lessons.Count} lessons{editions}{(options.Student ? " (student version)" : "")} to {site.Folder} in {written.Elapsed.TotalSeconds:F1} s{chinese}");
        }
        return new CourseBuildResult(reports, written, reportPath, ran, clock.Elapsed, failures);
    }

    /// <summary>Holds the executed folder for this build; a second build using it at the same time is refused.</summary>
    private static FileStream LockExecuted(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, LockName);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new NotebookInputException($"--executed {folder}: another build is using it ({path}); wait for it, or give each build its own --executed");
        }
    }

    /// <summary>Reports failing cells as they happen (synchronously, so lines stay in order).</summary>
    private sealed class FailingCells(TextWriter log) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            if (!value.Result.Succeeded)
                log.WriteLine($"  cell {value.Cell}/{value.CellCount}: {value.Result.Status}: {value.Result.Error}");
        }
    }
}
