using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// One notebook file run and its executed copy saved — the load → run → save step of `rnnkit run` and of a course
/// build. A file that cannot be read is no exception here: it is a failed report saying why, with no copy, so
/// the other notebooks still run.
/// </summary>
/// <param name="Executed">The executed copy, its <see cref="Notebook.Path"/> where it was saved; null when the file could not be read.</param>
/// <param name="Report">How the run went.</param>
public sealed record NotebookFileRun(Notebook? Executed, NotebookReport Report)
{
    /// <param name="path">The notebook.</param>
    /// <param name="outFolder">Where the executed copy goes, under the notebook's file name (an existing folder).</param>
    /// <param name="options">Time limit, continue on error.</param>
    /// <param name="progress">Told after each cell.</param>
    /// <param name="cancellationToken">Stops the cell running.</param>
    public static async Task<NotebookFileRun> RunAsync(string path, string outFolder, RunOptions options,
        IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
            Editions.LanguageOf(path, notebook);
        }
        catch (NotebookInputException e) // unreadable, or a twin whose name and metadata disagree
        {
            return new NotebookFileRun(null, new NotebookReport(path, NotebookReport.Failed, 0, [], e.Message));
        }
        var run = await NotebookRunner.RunAsync(notebook, options, progress, cancellationToken);
        run.Executed.Path = Path.Combine(outFolder, Path.GetFileName(path));
        run.Executed.Save(run.Executed.Path);
        return new NotebookFileRun(run.Executed, run.Report);
    }

    /// <summary>Why it did not run cleanly, in one line naming the notebook and its first failing cell; null when it did.</summary>
    public string? Failure => Report.Succeeded ? null : FirstLine(
        Report.Error ?? (Report.FirstFailure is { } cell
            ? $"{Report.Path} cell {cell.Index} ({cell.Status.ToWire()}): {cell.Error}"
            : $"{Report.Path}: failed"));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
