using System.Diagnostics;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>The program and leading arguments that start a grading process, e.g. <c>dotnet RnnKit.Cli.dll grade-worker</c>.
/// The grader appends <c>NOTEBOOK --results FILE --timeout S --cwd DIR</c>.</summary>
public sealed record GradingCommand(string FileName, IReadOnlyList<string> Arguments);

/// <summary>What one grading process did.</summary>
/// <param name="Outcomes">Cell outcomes by grading-notebook index.</param>
/// <param name="Stopped">The cell the process was stopped or died in, when it did not finish; null when it did.</param>
/// <param name="Reason">Why it stopped ("timeout" or "error") and what it said, when <paramref name="Stopped"/> is set.</param>
public sealed record ProcessRun(IReadOnlyDictionary<int, GradedCell> Outcomes, int? Stopped, GradedCell? Reason);

/// <summary>
/// Runs one grading notebook in its own process (see <see cref="GradingSession"/>) and watches it: a process
/// that reports no cell for longer than a cell may take (plus an allowance to start) is killed with its whole
/// tree, so no submission can stall or crash the grading run; the cell it was in is named.
/// </summary>
public static class GradingProcess
{
    /// <summary>How often the results file is read.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Lines of the process's stderr kept for the message when it dies.</summary>
    private const int StderrLinesKept = 5;

    public static async Task<ProcessRun> RunAsync(GradingCommand command, Notebook notebook, GradeOptions options, string workingDirectory)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rnnkit-grade-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var notebookPath = Path.Combine(folder, "grading.ipynb");
            var resultsPath = Path.Combine(folder, "results.jsonl");
            notebook.Save(notebookPath);
            await File.WriteAllTextAsync(resultsPath, "");
            return await WatchAsync(command, notebook, options, notebookPath, resultsPath, workingDirectory);
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

    private static async Task<ProcessRun> WatchAsync(GradingCommand command, Notebook notebook, GradeOptions options,
        string notebookPath, string resultsPath, string workingDirectory)
    {
        var psi = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in command.Arguments) psi.ArgumentList.Add(a);
        foreach (var a in new[] { notebookPath, "--results", resultsPath, "--timeout", options.CellTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cwd", workingDirectory })
            psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {command.FileName}");
        process.StandardInput.Close();
        var stderrTail = new Queue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderrTail)
            {
                stderrTail.Enqueue(e.Data);
                if (stderrTail.Count > StderrLinesKept) stderrTail.Dequeue();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var outcomes = new Dictionary<int, GradedCell>();
        var finished = false;
        long read = 0;
        var lastProgress = Stopwatch.StartNew();
        var killed = false;
        while (true)
        {
            var exited = process.HasExited;
            (read, var lines) = ReadNewLines(resultsPath, read);
            foreach (var outcome in lines.Select(GradedCell.FromJsonLine).OfType<GradedCell>())
            {
                if (outcome.Cell == GradedCell.Finished.Cell) finished = true;
                else outcomes[outcome.Cell] = outcome;
                lastProgress.Restart();
            }
            if (exited || finished) break;
            var allowed = options.CellTimeout + options.CellAllowance + (outcomes.Count == 0 ? options.StartupAllowance : TimeSpan.Zero);
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
        if (finished) return new ProcessRun(outcomes, null, null);

        var stopped = NextCodeCell(notebook, outcomes);
        var label = stopped is int s ? GradingRole.Of(notebook.Cells[s], s).Label : "the start";
        string tail;
        lock (stderrTail) tail = string.Join(" ", stderrTail).Trim();
        var reason = killed
            ? new GradedCell(stopped ?? -1, CellStatus.Timeout,
                $"{label} did not finish within {options.CellTimeout.TotalSeconds:0.###} s and could not be stopped, so its process was killed")
            : new GradedCell(stopped ?? -1, CellStatus.Error,
                $"the notebook's process died in {label} (exit code {process.ExitCode})" + (tail.Length > 0 ? $": {tail}" : ""));
        return new ProcessRun(outcomes, stopped, reason);
    }

    /// <summary>The first code cell after the last one reported (fallback cells skipped, they run only on failure).</summary>
    private static int? NextCodeCell(Notebook notebook, IReadOnlyDictionary<int, GradedCell> outcomes)
    {
        var after = outcomes.Count == 0 ? -1 : outcomes.Keys.Max();
        for (var i = after + 1; i < notebook.Cells.Count; i++)
            if (notebook.Cells[i].Type == CellType.Code && GradingRole.Of(notebook.Cells[i], i).Role != CellRole.Fallback)
                return i;
        return null;
    }

    private static (long Read, List<string> Lines) ReadNewLines(string path, long read)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= read) return (read, []);
        stream.Seek(read, SeekOrigin.Begin);
        var bytes = new byte[stream.Length - read];
        stream.ReadExactly(bytes);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var complete = text.LastIndexOf('\n');
        if (complete < 0) return (read, []);
        return (read + System.Text.Encoding.UTF8.GetByteCount(text[..(complete + 1)]),
            text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
    }
}
