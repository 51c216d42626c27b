using System.Globalization;
using Microsoft.CodeAnalysis;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>Builds the error outputs of a cell: directive problems, compile errors and exceptions.</summary>
internal static class CellErrors
{
    /// <summary>Stack frames from here on are the engine's and Roslyn's, not the notebook's.</summary>
    private static readonly string[] s_engineFrames =
    [
        "Microsoft.CodeAnalysis.Scripting", "RnnKit.Notebooks.Execution", "System.Runtime.CompilerServices.AsyncTaskMethodBuilder",
        "System.Threading.ExecutionContext", "System.Threading.Tasks.",
    ];

    public static ErrorOutput Directive(string label, int line, string message) =>
        Single("DirectiveError", $"({label}, line {line}): {message}");

    /// <summary>One line per error: <c>(cell 4, line 2, col 9): error CS0103: The name 'foo' does not exist…</c>.</summary>
    public static ErrorOutput Compile(string label, IEnumerable<Diagnostic> errors, string original, LoopInstrumenter.Instrumented instrumented)
    {
        var lines = errors.Select(d =>
        {
            var (line, column) = LineColumn(original, instrumented.ToOriginal(d.Location.SourceSpan.Start));
            return $"({label}, line {line}, col {column}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }).ToArray();
        return new ErrorOutput("CompilationError", string.Join("\n", lines), lines);
    }

    /// <summary>The exception's type, message and its frames in notebook and library code.</summary>
    public static ErrorOutput Exception(Exception e)
    {
        var traceback = new List<string> { $"{e.GetType().FullName}: {e.Message}" };
        foreach (var frame in (e.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (s_engineFrames.Any(f => frame.Contains(f, StringComparison.Ordinal))) break;
            if (frame.StartsWith("---", StringComparison.Ordinal)) continue;
            traceback.Add("   " + frame);
        }
        if (e.InnerException is { } inner)
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        return new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, traceback);
    }

    public static ErrorOutput Single(string name, string message) => new(name, message, [$"{name}: {message}"]);

    /// <summary>1-based line and column of <paramref name="position"/> in <paramref name="text"/>.</summary>
    private static (int Line, int Column) LineColumn(string text, int position)
    {
        position = Math.Clamp(position, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position; i++)
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        return (line, position - lineStart + 1);
    }
}
