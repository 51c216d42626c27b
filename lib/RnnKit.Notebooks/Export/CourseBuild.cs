using System.Diagnostics;
using RnnKit.Notebooks.Execution;

namespace RnnKit.Notebooks.Export;

/// <summary>What a <see cref="CourseBuild"/> is asked to do.</summary>
public sealed record CourseBuildOptions
{
    /// <summary>The lessons in course order and the syllabus (<see cref="LessonFiles.Find"/> of the course folder).</summary>
    public required LessonFiles Lessons { get; init; }

    /// <summary>The site folder, ready to write into.</summary>
    public required string Site { get; init; }

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
/// the executed copies. A lesson that fails still gets its page, which shows the error.
/// </summary>
public static class CourseBuild
{
    public const string ReportName = "report.json";

    /// <param name="options">Folders and settings.</param>
    /// <param name="log">Progress lines: each lesson as it starts and ends, each failing cell.</param>
    /// <param name="cancellationToken">Stops the cell running.</param>
    /// <exception cref="SiteExportException">The site cannot be written.</exception>
    public static async Task<CourseBuildResult> RunAsync(CourseBuildOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var files = options.Lessons;
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(options.Executed);
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
            var lesson = new SiteLesson(run.Executed, run.Failure is null ? null : $"This lesson did not run cleanly: {run.Failure}");
            lessons.Add(options.Student ? lesson.ForStudents() : lesson);
        }
        var reportPath = Path.Combine(options.Executed, ReportName);
        await File.WriteAllTextAsync(reportPath, NotebookReport.ToJson(reports), cancellationToken);
        var ran = clock.Elapsed;

        SiteReport? site = null;
        if (lessons.Count > 0)
        {
            var siteOptions = new SiteOptions { SyllabusPath = files.Syllabus };
            if (options.Title is not null) siteOptions = siteOptions with { Title = options.Title };
            site = await SiteExporter.ExportAsync(lessons, options.Site, siteOptions, cancellationToken);
            log.WriteLine($"exported {lessons.Count} lessons{(options.Student ? " (student version)" : "")} to {site.Folder} in {site.Elapsed.TotalSeconds:F1} s");
        }
        return new CourseBuildResult(reports, site, reportPath, ran, clock.Elapsed, failures);
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
