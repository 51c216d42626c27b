using System.Diagnostics;
using RnnKit.Data;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Exercises.Remote;
using RnnKit.Notebooks.Model;

namespace RnnKit.Cli.Verbs;

/// <summary>
/// `rnnkit grade-worker`: internal, started by `rnnkit grade` once per submission. Runs the teacher's notebook and
/// computes the verdicts (<see cref="ExerciseRun"/>), calling the student's code in a sandbox it starts
/// (`grade-sandbox` under bubblewrap); appends one JSON line per exercise to the results file.
/// </summary>
public sealed class GradeWorkerVerb : IVerb
{
    public const string VerbName = "grade-worker";

    public string Name => VerbName;

    public string Summary => "internal: grades one submission for `rnnkit grade`";

    public string Usage => """
        usage: rnnkit grade-worker JOB.json --results FILE
          Internal (started by rnnkit grade): grades one submission as JOB.json says and appends one line per
          exercise {"id", "title", "score", "max", "status", "feedback"} to FILE, then {"finished": true}.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--results"]);
        if (reader.Positionals.Count != 1)
            throw new UsageException("give exactly one grading job");
        var results = reader.Get("--results") ?? throw new UsageException("--results FILE is required");
        var job = GradingJob.FromJson(await File.ReadAllTextAsync(reader.Positionals[0]));
        var options = new GradeOptions { CellTimeout = TimeSpan.FromSeconds(job.CellTimeoutSeconds) };
        var teacher = Notebook.Load(job.Teacher);
        var student = Notebook.Load(job.Student);

        var scratch = Directory.CreateTempSubdirectory("rnnkit-sandbox-").FullName;
        await using var writer = new StreamWriter(new FileStream(results, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        try
        {
            var copy = Path.Combine(scratch, "submission.ipynb");
            File.Copy(job.Student, copy);
            var limits = new SandboxLimits { Unsafe = job.Unsafe, MemoryBytes = job.MemoryBytes };
            var command = GradeVerb.WorkerCommand();
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            var sandboxArgs = command.SandboxArguments.Concat([copy, "--timeout", job.CellTimeoutSeconds.ToString(inv), "--threads", limits.LingeringThreads.ToString(inv)]);
            using var sandbox = new SubmissionSandbox(
                () => Sandbox.Start(limits, command.FileName, sandboxArgs, scratch, Readable(command.FileName), [.. job.Hidden, Path.GetDirectoryName(Path.GetFullPath(results))!]),
                options);
            var run = new ExerciseRun(teacher, student, options);
            try
            {
                await run.RunAsync(sandbox, Path.GetDirectoryName(Path.GetFullPath(job.Teacher))!, grade =>
                {
                    writer.Write(GradingProcess.ToJsonLine(grade));
                    writer.Flush();
                }, stderr);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A fault of the grader itself (never of the student's code, which is not here): one line, and the
                // grader runs this submission once more.
                stderr.WriteLine($"grade-worker: {e.GetType().Name}: {e.Message}");
                return ExitCodes.Failed;
            }
            foreach (var incident in sandbox.Incidents)
                await writer.WriteAsync(new System.Text.Json.Nodes.JsonObject { ["note"] = Feedback.Cut(incident.Text) }.ToJsonString() + "\n");
            await writer.WriteAsync("{\"finished\": true}\n");
            await writer.FlushAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // What the sandbox left behind goes with the temp folder.
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>What the sandboxed process must read: the .NET host and runtime, this program's folder, the kit's data.</summary>
    private static IEnumerable<string> Readable(string host)
    {
        yield return AppContext.BaseDirectory;
        yield return Path.GetDirectoryName(Path.GetFullPath(host))!;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root) yield return root;
        if (Environment.GetEnvironmentVariable(KitFolders.DatasetsVariable) is { Length: > 0 } data) yield return data;
        string? kit = null;
        try
        {
            kit = KitFolders.Root();
        }
        catch (DatasetException)
        {
        }
        if (kit is not null)
        {
            yield return Path.Combine(kit, "RnnKit.slnx");
            yield return Path.Combine(kit, "datasets");
        }
    }
}
