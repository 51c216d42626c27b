using System.Diagnostics;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>Progress of a run, reported after each cell.</summary>
/// <param name="Notebook">The notebook's path (or title when unsaved).</param>
/// <param name="Cell">1-based position of the cell that just ran.</param>
/// <param name="CellCount">How many cells the notebook has.</param>
/// <param name="Result">How the cell ended.</param>
/// <param name="Elapsed">Time since the notebook started.</param>
public sealed record RunProgress(string Notebook, int Cell, int CellCount, CellResult Result, TimeSpan Elapsed);

/// <summary>The executed copy of a notebook and its report.</summary>
public sealed record NotebookRun(Notebook Executed, NotebookReport Report);

/// <summary>
/// Executes a notebook as nbclient does: a fresh <see cref="CSharpSession"/>, code cells in order, outputs and
/// execution counts written into a copy (the input is not changed), stopping at the first failing cell unless
/// <see cref="RunOptions.ContinueOnError"/>. Markdown and raw cells never run.
/// </summary>
public static class NotebookRunner
{
    public static async Task<NotebookRun> RunAsync(Notebook notebook, RunOptions? options = null, IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var executed = notebook.Clone();
        foreach (var cell in executed.CodeCells) cell.ClearOutputs();
        var name = notebook.Path ?? notebook.Title;
        var folder = options.WorkingDirectory
            ?? (notebook.Path is null ? null : Path.GetDirectoryName(Path.GetFullPath(notebook.Path)));

        // The kit's feedback (checks, failed claims) speaks the notebook's language (rnnkit.language; English without it).
        using var language = KitSettings.Use(KitSettings.Current with { Language = Editions.LanguageOrEnglish(notebook) });
        using var session = new CSharpSession(new SessionOptions { WorkingDirectory = folder, Timeout = options.CellTimeout });
        var clock = Stopwatch.StartNew();
        var reports = new List<CellReport>();
        var claims = new List<ClaimReport>();
        OutputCollector? collector = null;
        for (var i = 0; i < executed.Cells.Count; i++)
        {
            var cell = executed.Cells[i];
            if (cell.Type != CellType.Code || IsMarkdown(cell.Language)) continue;
            var label = RnnKit.Exercises.Feedback.CellLabel(i + 1);
            collector ??= new OutputCollector(cell);
            collector.Cell = cell;

            var result = IsCSharp(cell.Language)
                ? await session.ExecuteAsync(cell.Source, collector, label, cancellationToken)
                : Unsupported(cell, label);
            if (result.ExecutionCount > 0) cell.ExecutionCount = result.ExecutionCount;
            reports.Add(new CellReport(i + 1, result.Status, result.Elapsed.TotalSeconds, result.Error));
            claims.AddRange(ClaimsOf(cell).Select(c => new ClaimReport(i + 1, c)));
            progress?.Report(new RunProgress(name, i + 1, executed.Cells.Count, result, clock.Elapsed));
            if (!result.Succeeded && !options.ContinueOnError) break;
        }
        var ok = reports.All(r => r.Status == CellStatus.Ok);
        var report = new NotebookReport(name, ok ? NotebookReport.Ok : NotebookReport.Failed, clock.Elapsed.TotalSeconds, reports)
        {
            Claims = claims,
        };
        return new NotebookRun(executed, report);
    }

    /// <summary>The claims among a cell's outputs, in order.</summary>
    public static IEnumerable<ClaimResult> ClaimsOf(Cell cell) =>
        cell.Outputs.OfType<DisplayOutput>().Select(d => ClaimMime.Read(d.Data)).OfType<ClaimResult>();

    private static bool IsMarkdown(string language) => language.Equals("markdown", StringComparison.OrdinalIgnoreCase);

    private static bool IsCSharp(string language) => language.ToLowerInvariant() is "csharp" or "c#";

    /// <summary>A code cell of another language (fsharp, pwsh…): an error output, nothing run.</summary>
    private static CellResult Unsupported(Cell cell, string label)
    {
        var error = CellErrors.Single("UnsupportedLanguage", $"{label} is {cell.Language}; RnnKit runs C# cells only");
        cell.Outputs.Add(error);
        return new CellResult(0, CellStatus.Error, TimeSpan.Zero, error.Value);
    }
}
