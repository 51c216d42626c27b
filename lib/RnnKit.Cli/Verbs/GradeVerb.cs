using System.Runtime.InteropServices;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;

namespace RnnKit.Cli.Verbs;

/// <summary>
/// `rnnkit grade`: grades student notebooks against the teacher's (lib/RnnKit.Notebooks/Exercises/README.md);
/// writes gradebook.json, gradebook.csv and feedback/*.html. Each submission runs in its own process
/// (`grade-worker`). Exit 0 when every submission was graded, 2 when one could not be (unreadable, unmatched).
/// </summary>
public sealed class GradeVerb : IVerb
{
    /// <summary>Where results go without --out: a build product, written over freely.</summary>
    public const string DefaultOut = "build/grades";

    /// <summary>Submissions graded at once by default: one process per core.</summary>
    private static int DefaultJobs => Environment.ProcessorCount;

    public string Name => "grade";

    public string Summary => "grade student notebooks with the hidden tests restored; gradebook JSON/CSV and feedback HTML";

    public string Usage => $"""
        usage: rnnkit grade <submission.ipynb or folder>… --source DIR [--out DIR] [--timeout S] [--jobs N] [--force]

          Matches each submission to the teacher's notebook in --source (same file name, else the most exercise ids
          in common), restores every test cell (hidden tests included) from it, and runs the result in a separate
          process, cell by cell: an exercise scores when its answer cell runs and all its tests pass.
          --source DIR   the teacher's notebooks (with solutions and hidden tests)
          --out DIR      gradebook.json, gradebook.csv, feedback/*.html (default {DefaultOut}/, reused freely;
                         any other non-empty DIR needs --force)
          --timeout S    seconds one cell may run (default {new GradeOptions().CellTimeout.TotalSeconds:0})
          --jobs N       submissions graded at the same time, one process each (default: {DefaultJobs}, the cores)
          --force        write into a non-empty --out folder
        Student code runs with your permissions: grade in a container or a throw-away account.
        exit: 0 every submission graded, 2 some submission could not be graded, 1 bad source, 64 bad command line
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--source", "--out", "--timeout", "--jobs"], ["--force"]);
        if (reader.Positionals.Count == 0)
            throw new UsageException("give at least one submitted notebook or folder");
        var source = reader.Get("--source") ?? throw new UsageException("--source DIR (the teacher's notebooks) is required");
        var timeout = reader.GetSeconds("--timeout", new GradeOptions().CellTimeout.TotalSeconds, min: 0.001);
        var jobs = reader.GetInt("--jobs", DefaultJobs, min: 1);
        var submissions = ClassGrading.Submissions(reader.Positionals);
        var grader = new Grader(source, WorkerCommand(), new GradeOptions { CellTimeout = timeout });
        var outArg = reader.Get("--out");
        var outFolder = outArg is null ? Directory.CreateDirectory(DefaultOut).FullName : OutputFolder.Prepare(outArg, reader.Has("--force"));

        var result = await ClassGrading.RunAsync(grader, submissions, outFolder, jobs,
            starting: submission =>
            {
                lock (stderr) stderr.WriteLine($"{submission.Path}: grading");
            },
            graded: grade =>
            {
                lock (stdout)
                    stdout.WriteLine(grade.Error is not null
                        ? $"{grade.File}: not graded: {grade.Error}"
                        : $"{grade.File}: {grade.Score}/{grade.Max} ({string.Join(", ", grade.Exercises.Select(e => $"{e.Id} {e.Status}"))})");
            });
        stdout.WriteLine($"gradebook: {result.GradebookJson}, {result.GradebookCsv}; feedback pages in {result.FeedbackFolder}");
        return result.Grades.Any(g => g.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>This build's CLI run as a grading process: <c>dotnet RnnKit.Cli.dll grade-worker</c>.</summary>
    internal static GradingCommand WorkerCommand()
    {
        var cli = typeof(GradeVerb).Assembly.Location;
        return new GradingCommand(DotnetHost(), [cli, GradeWorkerVerb.VerbName]);
    }

    /// <summary>The `dotnet` host running us, else the one next to the runtime, else `dotnet` on PATH.</summary>
    private static string DotnetHost()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == exe) return self;
        var beside = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", exe));
        return File.Exists(beside) ? beside : exe;
    }
}
