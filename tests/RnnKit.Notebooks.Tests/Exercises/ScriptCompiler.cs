using MathNet.Numerics.LinearAlgebra;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RnnKit.Exercises;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>
/// Compiles a notebook's code cells as chained Roslyn script submissions (without running them), the way a
/// notebook session does, and returns the compile errors with their cell numbers (1-based).
/// </summary>
internal static class ScriptCompiler
{
    private static readonly ScriptOptions Options = ScriptOptions.Default
        .AddReferences(typeof(Matrix<>).Assembly, typeof(Check).Assembly)
        .AddImports("System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks");

    public static IReadOnlyList<string> Errors(Notebook notebook)
    {
        var errors = new List<string>();
        Script? script = null;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Type != CellType.Code) continue;
            var next = script is null ? CSharpScript.Create(cell.Source, Options) : script.ContinueWith(cell.Source, Options);
            var cellErrors = next.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            errors.AddRange(cellErrors.Select(d => $"cell {i + 1}: {d}"));
            if (cellErrors.Count == 0) script = next;
        }
        return errors;
    }
}
