using System.Runtime.InteropServices;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Exercises.Remote;
using RnnKit.Notebooks.Model;

namespace RnnKit.Cli.Verbs;

/// <summary>
/// `rnnkit grade`: grades student notebooks against the teacher's (lib/RnnKit.Notebooks/Exercises/README.md);
/// writes gradebook.json, gradebook.csv and feedback/*.html. Each submission is graded by its own worker process
/// (`grade-worker`), which runs the student's code in a bubblewrap sandbox (`grade-sandbox`) and computes the
/// verdicts itself. Exit 0 when every submission was graded, 2 when one could not be (unreadable, unmatched).
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
        usage: rnnkit grade <submission.ipynb or folder>… --source DIR [--out DIR] [--timeout S] [--jobs N] [--memory MB]
                            [--force] [--unsafe-no-sandbox]

          Matches each submission to the teacher's notebook in --source (same file name, else the most exercise ids
          in common). The student's notebook runs in a sandbox (bubblewrap: no network, no files but its own, memory
          and process limits); the teacher's notebook runs outside it with every test cell (hidden tests included),
          calling the student's methods in the sandbox and checking what they return. An exercise scores when its
          answer cell runs and all its tests pass.
          --source DIR   the teacher's notebooks (with solutions and hidden tests)
          --out DIR      gradebook.json, gradebook.csv, feedback/*.html (default {DefaultOut}/, reused freely;
                         any other non-empty DIR needs --force)
          --timeout S    seconds one cell may run (default {new GradeOptions().CellTimeout.TotalSeconds:0})
          --jobs N       submissions graded at the same time, one process each (default: {DefaultJobs}, the cores)
          --memory MB    most memory one student's process may take (default {new SandboxLimits().MemoryBytes >> 20})
          --force        write into a non-empty --out folder
          --unsafe-no-sandbox  grade without bubblewrap (student code then runs with your permissions; only for
                         machines without it, e.g. inside a throw-away container)
        exit: 0 every submission graded, 2 some submission could not be graded, 1 bad source or no sandbox, 64 bad command line
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--source", "--out", "--timeout", "--jobs", "--memory"], ["--force", "--unsafe-no-sandbox"]);
        if (reader.Positionals.Count == 0)
            throw new UsageException("give at least one submitted notebook or folder");
        var source = reader.Get("--source") ?? throw new UsageException("--source DIR (the teacher's notebooks) is required");
        var timeout = reader.GetSeconds("--timeout", new GradeOptions().CellTimeout.TotalSeconds, min: 0.001);
        var jobs = reader.GetInt("--jobs", DefaultJobs, min: 1);
        var memory = reader.GetInt("--memory", (int)(new SandboxLimits().MemoryBytes >> 20), min: 256);
        var unsafeMode = reader.Has("--unsafe-no-sandbox");
        if (!unsafeMode && Sandbox.Problem() is { } problem)
            throw new CliException($"cannot sandbox student code: {problem}", ExitCodes.Error);
        var submissions = ClassGrading.Submissions(reader.Positionals);
        var outArg = reader.Get("--out");
        var outFolder = outArg is null ? Directory.CreateDirectory(DefaultOut).FullName : OutputFolder.Prepare(outArg, reader.Has("--force"));
        // The sandbox must not see the results, nor any submission (its own is copied into its scratch folder).
        var hidden = submissions.Select(s => Path.GetDirectoryName(Path.GetFullPath(s.Path))!).Append(outFolder).Distinct().ToList();
        var grader = new Grader(source, WorkerCommand(), new GradeOptions
        {
            CellTimeout = timeout, Hidden = hidden, Sandbox = new SandboxLimits { Unsafe = unsafeMode, MemoryBytes = (long)memory << 20 },
        });
        if (unsafeMode)
            stderr.WriteLine("rnnkit grade: --unsafe-no-sandbox: student code runs with your permissions (your files, the network)");

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
        return new GradingCommand(DotnetHost(), [cli, GradeWorkerVerb.VerbName], [cli, GradeSandboxVerb.VerbName]);
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
