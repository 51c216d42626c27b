using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// The grading process's side: runs a <see cref="GradingNotebook"/> in one <see cref="CSharpSession"/>, every code
/// cell whatever failed before (continue on error), each with the time limit, and writes one
/// <see cref="GradedCell"/> line per cell as soon as it ends, so the grader knows how far it got even if the
/// student's code later brings the process down. A <see cref="CellRole.Fallback"/> cell runs only when its
/// exercise failed or has no answer cell here (the student deleted it, or it was left out after crashing).
/// </summary>
public static class GradingSession
{
    /// <param name="notebook">The grading notebook (cells carry their <see cref="GradingRole"/>).</param>
    /// <param name="cellTimeout">Longest one cell may run.</param>
    /// <param name="workingDirectory">Where the code runs (the teacher's notebook folder, for data files).</param>
    /// <param name="results">Receives the outcome lines; flushed after each.</param>
    public static async Task RunAsync(Notebook notebook, TimeSpan cellTimeout, string? workingDirectory, TextWriter results)
    {
        using var session = new CSharpSession(new SessionOptions { Timeout = cellTimeout, WorkingDirectory = workingDirectory });
        var failed = new HashSet<string>(StringComparer.Ordinal);
        var answered = notebook.Cells.Select((c, i) => GradingRole.Of(c, i))
            .Where(r => r.Role == CellRole.Answer).Select(r => r.Exercise).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Type != CellType.Code) continue;
            var role = GradingRole.Of(cell, i);
            if (role.Role == CellRole.Fallback && answered.Contains(role.Exercise) && !failed.Contains(role.Exercise ?? "")) continue;

            var errors = new ErrorSink();
            var result = await session.ExecuteAsync(cell.Source, errors, role.Label);
            var outcome = new GradedCell(i, result.Status, result.Succeeded ? null : errors.Describe() ?? result.Error);
            if (!outcome.Succeeded && role.Exercise is not null) failed.Add(role.Exercise);
            await results.WriteAsync(outcome.ToJsonLine());
            await results.FlushAsync();
        }
        await results.WriteAsync(GradedCell.Finished.ToJsonLine());
        await results.FlushAsync();
    }

    /// <summary>Keeps the error output of a cell; everything else the cell shows is not needed for grading.</summary>
    private sealed class ErrorSink : IOutputSink
    {
        private ErrorOutput? _error;

        public void Add(Output output)
        {
            if (output is ErrorOutput e) _error ??= e;
        }

        public void Update(DisplayOutput output)
        {
        }

        /// <summary>"Type: message" for exceptions; the message alone for compile errors and timeouts.</summary>
        public string? Describe() => _error switch
        {
            null => null,
            { Name: "CompilationError" or "TimeoutError" or "DirectiveError" } e => e.Value,
            { Name: "RnnKit.Exercises.CheckFailedException" or "System.NotImplementedException" } e => e.Value,
            var e => $"{e.Name}: {e.Value}",
        };
    }
}
