using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Export;

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

    public string Name => "build";

    public string Summary => "run every lesson, then export the course site (the main command)";

    public string Usage => $"""
        usage: rnnkit build [--out DIR] [--force] [--notebooks DIR] [--executed DIR] [--timeout S] [--title TEXT]
                         [--student] [--seed N] [--short-training] [--claims check|report]

          Runs every lesson in the course folder (in name order, each in a fresh C# session, stopping a lesson at
          its first failing cell), writes the executed copies and a run report ({CourseBuild.ReportName}), then exports the
          site from the executed copies. Chinese twins (NN-words.zh.ipynb) run too and make the Chinese edition
          (NN-words.zh.html, index.zh.html from README.zh.md), every page with a switch to its other language.
          Progress goes to stderr. Exit 2 when a lesson fails (it is named); the site is still written, failed
          lessons show their error.

          --out DIR        the site folder (default {DefaultSite}/); a site built before is replaced when the build
                           ends (until then, and if it fails or is stopped, it stays as it was)
          --force          write into a folder holding files the kit did not write (they are kept)
          --notebooks DIR  the course folder (default {DefaultNotebooks}/), with README.md as the syllabus
          --executed DIR   where the executed lessons and {CourseBuild.ReportName} go (default {DefaultExecuted}/)
          --timeout S      longest a cell may run, in seconds (default {RunOptions.DefaultCellTimeout.TotalSeconds})
          --title TEXT     the course title in every page's header (both editions)
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
        var timeout = reader.GetSeconds("--timeout", RunOptions.DefaultCellTimeout.TotalSeconds, min: 1);
        var lessons = LessonFiles.Find([reader.Get("--notebooks", DefaultNotebooks)]);
        using var kit = KitSettings.Use(KitOptions.Read(reader));
        var site = Path.GetFullPath(outArg);

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCtrlC;
        CourseBuildResult build;
        try
        {
            build = await CourseBuild.RunAsync(new CourseBuildOptions
            {
                Lessons = lessons,
                Site = site,
                Force = reader.Has("--force"),
                Executed = executedFolder,
                Run = new RunOptions { CellTimeout = timeout },
                Student = reader.Has("--student"),
                Title = reader.Get("--title"),
            }, stderr, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            stderr.WriteLine($"rnnkit build: stopped; {site} is as it was before this build");
            return ExitCodes.Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
        var failed = build.Failures;
        stdout.WriteLine($"built {site}: {build.Reports.Count - failed.Count} of {build.Reports.Count} lessons ran cleanly " +
                         $"(lessons {build.Lessons.TotalSeconds:F1} s, total {build.Total.TotalSeconds:F1} s); report {build.ReportPath}");
        if (failed.Count == 0) return ExitCodes.Ok;
        stderr.WriteLine($"rnnkit build: {failed.Count} lesson(s) failed: {string.Join("; ", failed)}");
        return ExitCodes.Failed;
    }
}
