using System.Globalization;
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
        var timeout = reader.GetDouble("--timeout", new GradeOptions().CellTimeout.TotalSeconds, min: 0.001);
        var jobs = reader.GetInt("--jobs", DefaultJobs, min: 1);
        var submissions = Submissions(reader.Positionals);
        var options = new GradeOptions { CellTimeout = TimeSpan.FromSeconds(timeout) };

        Grader grader;
        try
        {
            grader = new Grader(source, WorkerCommand(), options);
        }
        catch (Exception e) when (e is ExerciseMarkupException or NotebookFormatException or ArgumentException)
        {
            throw new CliException(e.Message);
        }
        var outArg = reader.Get("--out");
        var outFolder = outArg is null ? Directory.CreateDirectory(DefaultOut).FullName : OutputFolder.Prepare(outArg, reader.Has("--force"));

        var grades = new SubmissionGrade[submissions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, submissions.Count), new ParallelOptions { MaxDegreeOfParallelism = jobs }, async (i, _) =>
        {
            var submission = submissions[i].Path;
            lock (stderr) stderr.WriteLine($"{submission}: grading");
            var grade = grades[i] = await grader.GradeAsync(submission);
            lock (stdout)
                stdout.WriteLine(grade.Error is not null
                    ? $"{submission}: not graded: {grade.Error}"
                    : $"{submission}: {grade.Score}/{grade.Max} ({string.Join(", ", grade.Exercises.Select(e => $"{e.Id} {e.Status}"))})");
        });

        var book = new Gradebook(grades);
        await File.WriteAllTextAsync(Path.Combine(outFolder, "gradebook.json"), book.ToJson());
        await File.WriteAllTextAsync(Path.Combine(outFolder, "gradebook.csv"), book.ToCsv());
        var feedback = Directory.CreateDirectory(Path.Combine(outFolder, "feedback")).FullName;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (grade, (_, name)) in grades.Zip(submissions))
            await File.WriteAllTextAsync(Path.Combine(feedback, UniqueName(name, names)), FeedbackPage.Render(grade));
        stdout.WriteLine($"gradebook: {Path.Combine(outFolder, "gradebook.json")}, {Path.Combine(outFolder, "gradebook.csv")}; feedback pages in {feedback}");
        return grades.Any(g => g.Error is not null) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>
    /// The notebooks given, and those in the folders given (recursively, sorted), each with a short name for its
    /// feedback page: the path inside the folder given, or the file name.
    /// </summary>
    private static List<(string Path, string Name)> Submissions(IEnumerable<string> inputs)
    {
        var files = new List<(string, string)>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !f.Contains(".ipynb_checkpoints", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, Path.GetRelativePath(input, f))));
            else if (File.Exists(input))
                files.Add((input, Path.GetFileName(input)));
            else
                throw new CliException($"{input}: no such file or folder");
        }
        if (files.Count == 0)
            throw new CliException($"no notebooks (*.ipynb) in {string.Join(", ", inputs)}");
        return files;
    }

    /// <summary>"alice/rnn-step.ipynb" → "alice_rnn-step.html", made unique.</summary>
    private static string UniqueName(string relative, HashSet<string> taken)
    {
        var stem = string.Concat(Path.ChangeExtension(relative, null)!.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_')).Trim('_', '.');
        var name = stem + ".html";
        for (var n = 2; !taken.Add(name); n++)
            name = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}.html";
        return name;
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
