using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Exercises.Remote;

namespace RnnKit.Notebooks.Exercises;

/// <summary>The program and leading arguments that start a grading worker, e.g. <c>dotnet RnnKit.Cli.dll grade-worker</c>;
/// the grader appends <c>JOB.json --results FILE</c>. The same program with <see cref="SandboxArguments"/> is what
/// the worker starts inside the sandbox.</summary>
public sealed record GradingCommand(string FileName, IReadOnlyList<string> Arguments, IReadOnlyList<string> SandboxArguments);

/// <summary>
/// What the grading worker is told (written as JSON next to its results): the teacher's and the student's notebook,
/// the limits, and the folders the sandbox must not see.
/// </summary>
public sealed record GradingJob(string Teacher, string Student, double CellTimeoutSeconds, bool Unsafe, long MemoryBytes, IReadOnlyList<string> Hidden)
{
    public string ToJson() => new JsonObject
    {
        ["teacher"] = Teacher, ["student"] = Student, ["cell_timeout"] = CellTimeoutSeconds, ["unsafe"] = Unsafe, ["memory"] = MemoryBytes,
        ["hidden"] = new JsonArray(Hidden.Select(h => (JsonNode)h).ToArray()),
    }.ToJsonString();

    public static GradingJob FromJson(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        return new GradingJob(o["teacher"]!.GetValue<string>(), o["student"]!.GetValue<string>(), o["cell_timeout"]!.GetValue<double>(),
            o["unsafe"]!.GetValue<bool>(), o["memory"]!.GetValue<long>(), o["hidden"]!.AsArray().Select(h => h!.GetValue<string>()).ToList());
    }
}

/// <summary>
/// Runs the grading worker of one submission (<see cref="ExerciseRun"/>, in its own process) and reads its results:
/// one <see cref="ExerciseGrade"/> per line as each is known, progress lines in between. A worker that says
/// nothing for longer than any of its steps may take is killed. The worker holds no student code (that runs in the
/// sandbox it starts), so its death is the machine's doing, never the student's: the caller retries it once.
/// </summary>
public static class GradingProcess
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private const int StderrLinesKept = 5;

    /// <summary>What one worker run gave: the grades it wrote, and why it stopped early (null when it finished).</summary>
    public sealed record Run(IReadOnlyDictionary<string, ExerciseGrade> Grades, string? Stopped, IReadOnlyList<string> Notes);

    public static async Task<Run> RunAsync(GradingCommand command, GradingJob job, GradeOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rnnkit-grade-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var jobPath = Path.Combine(folder, "job.json");
            var resultsPath = Path.Combine(folder, "results.jsonl");
            await File.WriteAllTextAsync(jobPath, (job with { Hidden = [.. job.Hidden, folder] }).ToJson());
            await File.WriteAllTextAsync(resultsPath, "");
            return await WatchAsync(command, options, jobPath, resultsPath, folder);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A killed process may still hold the folder for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task<Run> WatchAsync(GradingCommand command, GradeOptions options, string jobPath, string resultsPath, string folder)
    {
        var psi = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder,
        };
        foreach (var a in command.Arguments.Concat([jobPath, "--results", resultsPath])) psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {command.FileName}");
        process.StandardInput.Close();
        var stderrTail = new Queue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderrTail)
            {
                stderrTail.Enqueue(e.Data.Length > 500 ? e.Data[..500] : e.Data);
                if (stderrTail.Count > StderrLinesKept) stderrTail.Dequeue();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var grades = new Dictionary<string, ExerciseGrade>(StringComparer.Ordinal);
        var notes = new List<string>();
        var finished = false;
        long read = 0;
        var lastProgress = Stopwatch.StartNew();
        // The longest silence: a teacher's cell and a sandbox request, each with its allowance, and two start-ups.
        var allowed = 2 * (options.CellTimeout + options.CellAllowance + options.StartupAllowance);
        var killed = false;
        while (true)
        {
            var exited = process.HasExited;
            (read, var lines) = ReadNewLines(resultsPath, read);
            foreach (var line in lines)
            {
                lastProgress.Restart();
                JsonObject? node;
                try
                {
                    node = JsonNode.Parse(line) as JsonObject;
                }
                catch (System.Text.Json.JsonException)
                {
                    continue;
                }
                if (node?["finished"] is not null) finished = true;
                else if (node?["note"] is { } note) notes.Add(note.GetValue<string>());
                else if (node?["id"] is not null) grades[node["id"]!.GetValue<string>()] = FromJson(node);
            }
            if (exited || finished) break;
            if (lastProgress.Elapsed > allowed)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
            await Task.Delay(Poll);
        }
        if (!process.WaitForExit(options.ExitAllowance))
            process.Kill(entireProcessTree: true);
        if (finished) return new Run(grades, null, notes);
        string tail;
        lock (stderrTail) tail = string.Join(" ", stderrTail).Trim();
        var why = killed
            ? $"the grading process said nothing for {allowed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s and was killed"
            : $"the grading process died (exit code {process.ExitCode})" + (tail.Length > 0 ? $": {Feedback.Cut(tail)}" : "");
        return new Run(grades, why, notes);
    }

    public static string ToJsonLine(ExerciseGrade g) => new JsonObject
    {
        ["id"] = g.Id, ["title"] = g.Title, ["score"] = g.Score, ["max"] = g.Max, ["status"] = g.Status, ["feedback"] = g.Feedback,
    }.ToJsonString() + "\n";

    private static ExerciseGrade FromJson(JsonObject o) => new(o["id"]!.GetValue<string>(), o["title"]!.GetValue<string>(), o["score"]!.GetValue<int>(),
        o["max"]!.GetValue<int>(), o["status"]!.GetValue<string>(), o["feedback"]!.GetValue<string>());

    private static (long Read, List<string> Lines) ReadNewLines(string path, long read)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= read) return (read, []);
        stream.Seek(read, SeekOrigin.Begin);
        var bytes = new byte[stream.Length - read];
        stream.ReadExactly(bytes);
        var complete = Array.LastIndexOf(bytes, (byte)'\n');
        if (complete < 0) return (read, []);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 0, complete);
        return (read + complete + 1, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
    }
}
