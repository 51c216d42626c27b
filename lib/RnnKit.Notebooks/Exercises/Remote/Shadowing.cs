using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using Words = RnnKit.Exercises.Feedback;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>
/// Names in a student's notebook that hide the kit's (a class or variable called <c>Check</c>, <c>Tolerance</c>,
/// <c>Matrix</c>…). They cannot change a grade — the checks run in the grader, which never compiles the student's
/// cells — but they change what the student's own copies of the tests do, so the feedback names them.
/// </summary>
public static class Shadowing
{
    private static readonly Lazy<Dictionary<string, string>> s_kitNames = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in typeof(RnnKit.Exercises.Check).Assembly.GetExportedTypes()
                     .Concat(typeof(MathNet.Numerics.LinearAlgebra.Matrix<>).Assembly.GetExportedTypes().Where(t => t.Namespace == "MathNet.Numerics.LinearAlgebra"))
                     .Where(t => !t.IsNested))
        {
            var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
            names.TryAdd(name, $"{type.Namespace}.{name}");
        }
        return names;
    });

    /// <summary>One sentence per hiding declaration, e.g. "Note: your cell 7 declares Check, …"; names the teacher's
    /// notebook declares too (a lesson's own Encoder class) are the lesson's, not the student's doing.</summary>
    public static IReadOnlyList<string> Notes(Notebook student, Notebook teacher)
    {
        var lesson = teacher.Cells.Where(c => c.Type == CellType.Code).SelectMany(c => Declared(c.Source)).ToHashSet(StringComparer.Ordinal);
        var notes = new List<string>();
        for (var i = 0; i < student.Cells.Count; i++)
        {
            if (student.Cells[i].Type != CellType.Code) continue;
            foreach (var name in Declared(student.Cells[i].Source).Where(n => !lesson.Contains(n)))
                if (s_kitNames.Value.TryGetValue(name, out var full))
                    notes.Add(Words.Shadows(i + 1, name, full));
        }
        return notes;
    }

    private static IEnumerable<string> Declared(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, CSharpSession.ParseOptions).GetCompilationUnitRoot();
        return root.DescendantNodes().Select(n => n switch
        {
            BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
            DelegateDeclarationSyntax d => d.Identifier.ValueText,
            VariableDeclaratorSyntax v when v.Ancestors().All(a => a is not BaseMethodDeclarationSyntax and not LocalFunctionStatementSyntax and not AccessorDeclarationSyntax and not LambdaExpressionSyntax)
                => v.Identifier.ValueText,
            MethodDeclarationSyntax m when m.Parent is CompilationUnitSyntax => m.Identifier.ValueText,
            UsingDirectiveSyntax { Alias: { } alias } => alias.Name.Identifier.ValueText,
            _ => null,
        }).OfType<string>().Distinct(StringComparer.Ordinal);
    }
}
