using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RnnKit.Notebooks.Execution;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// Replaces the solution regions of an exercise cell by stubs that keep the cell compiling (so the student
/// notebook runs cell by cell) and fail only when the exercise is used, with <see cref="Exercise.NotDoneMessage"/>:
/// <list type="bullet">
/// <item>statements become <c>throw new NotImplementedException("Exercise 3.2: not done yet");</c>;</item>
/// <item>a method or local function keeps its signature and gets <c>=> throw …</c> as its body;</item>
/// <item>a local (or script) variable that code after the region uses is kept as <c>T name = default!;</c>,
/// so that code still compiles; its type must be written or inferable (a literal or <c>new T(…)</c>).</item>
/// </list>
/// The region must hold whole statements or member declarations, inside a method body, at the top level of the
/// cell or in a type; anything else is an <see cref="ExerciseMarkupException"/> naming the cell and line.
/// </summary>
internal static class SolutionStub
{

    /// <summary>The cell source with every region of <paramref name="exercise"/> replaced by its stub.</summary>
    public static string Apply(string source, Exercise exercise, string notebook)
    {
        var lines = ExerciseMarkup.Lines(source);
        var text = SourceText.From(source);
        var root = CSharpSyntaxTree.ParseText(text, CSharpSession.ParseOptions).GetRoot();
        var output = new List<string>();
        var next = 0;
        foreach (var region in exercise.Solutions)
        {
            output.AddRange(lines[next..region.Begin]);
            var indent = lines[region.Begin][..(lines[region.Begin].Length - lines[region.Begin].TrimStart().Length)];
            var span = TextSpan.FromBounds(text.Lines[region.Begin].EndIncludingLineBreak, text.Lines[region.End].Start);
            var stub = new Stub(root, span, exercise, (line, problem) =>
                ExerciseMarkupException.At(notebook, exercise.AnswerCell, line, problem), text);
            output.Add($"{indent}// Exercise {exercise.Id}: your code here");
            output.AddRange(stub.Lines().Select(l => indent + l));
            next = region.End + 1;
        }
        output.AddRange(lines[next..]);
        return string.Join('\n', output);
    }

    /// <summary>The stub of one region.</summary>
    private sealed class Stub(SyntaxNode root, TextSpan region, Exercise exercise, Func<int, string, ExerciseMarkupException> error, SourceText text)
    {
        private string Throw => $"throw new NotImplementedException(\"{exercise.NotDoneMessage}\");";

        private int LineOf(int position) => text.Lines.GetLineFromPosition(position).LineNumber;

        public IEnumerable<string> Lines()
        {
            var nodes = TopNodes();
            var container = nodes[0].Parent!;
            var stubs = new List<string>();
            var needsThrow = false;
            foreach (var node in nodes)
            {
                var statement = node is GlobalStatementSyntax g ? g.Statement : node as StatementSyntax;
                switch (node)
                {
                    case MethodDeclarationSyntax m:
                        stubs.AddRange(Method(m, m.Body, m.ExpressionBody));
                        break;
                    case LocalFunctionStatementSyntax or GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax }:
                        var f = (LocalFunctionStatementSyntax)statement!;
                        stubs.AddRange(Method(f, f.Body, f.ExpressionBody));
                        break;
                    case GlobalStatementSyntax or StatementSyntax:
                        needsThrow = true;
                        if (statement is LocalDeclarationStatementSyntax local)
                            stubs.AddRange(KeptVariables(local.Declaration, container));
                        break;
                    case FieldDeclarationSyntax field when container is CompilationUnitSyntax:
                        // A script's top-level variable is a field of the submission.
                        needsThrow = true;
                        stubs.AddRange(KeptVariables(field.Declaration, container));
                        break;
                    default:
                        throw error(LineOf(node.SpanStart),
                            $"a solution region may hold statements, methods and local functions, not a {Describe(node)}; " +
                            "move the declaration out of the region and mark the method bodies inside it");
                }
            }
            if (needsThrow) stubs.Add(Throw);
            return stubs;
        }

        /// <summary>The outermost syntax nodes inside the region; they must be whole children of one parent.</summary>
        private List<SyntaxNode> TopNodes()
        {
            var tokens = root.DescendantTokens(region).Where(t => region.Contains(t.Span) && t.Span.Length > 0).ToList();
            if (tokens.Count == 0)
                throw error(LineOf(region.Start) - 1, $"the solution of exercise {exercise.Id} is empty");
            var first = tokens[0].Parent!;
            while (first.Parent is { } p && region.Contains(p.Span) && p is not CompilationUnitSyntax)
                first = p;
            var container = first.Parent;
            if (container is not (BlockSyntax or CompilationUnitSyntax or TypeDeclarationSyntax) || !region.Contains(first.Span))
                throw error(LineOf(tokens[0].SpanStart),
                    "a solution region must hold whole statements or declarations (inside a method body, a type or at the " +
                    $"top of the cell), but it starts inside a {Describe(container ?? first)}");
            var inside = container.ChildNodes().Where(n => n.Span.IntersectsWith(region)).ToList();
            if (inside.FirstOrDefault(n => !region.Contains(n.Span)) is { } cut)
                throw error(LineOf(cut.SpanStart), $"the solution region cuts through a {Describe(cut)}; it must hold whole statements or declarations");
            if (tokens[^1].Span.End > inside[^1].Span.End)
                throw error(LineOf(tokens[^1].SpanStart), "the solution region must end after a whole statement or declaration");
            return inside;
        }

        /// <summary>"signature => throw …;", with the XML doc comment above it kept.</summary>
        private IEnumerable<string> Method(SyntaxNode member, BlockSyntax? body, ArrowExpressionClauseSyntax? arrow)
        {
            var leading = text.ToString(TextSpan.FromBounds(Math.Max(member.FullSpan.Start, region.Start), member.SpanStart));
            foreach (var line in leading.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("///", StringComparison.Ordinal)))
                yield return line;
            var bodyStart = body?.SpanStart ?? arrow?.SpanStart;
            if (bodyStart is not int start)
            {
                yield return member.ToString();
                yield break;
            }
            var signature = text.ToString(TextSpan.FromBounds(member.SpanStart, start)).TrimEnd();
            foreach (var line in signature.Split('\n').Select((l, i) => i == 0 ? l : l.Trim()))
                yield return line;
            yield return $"    => {Throw.TrimEnd(';')};";
        }

        /// <summary>The variables of a declaration that later code may use, as "T name = default!;".</summary>
        private IEnumerable<string> KeptVariables(VariableDeclarationSyntax declaration, SyntaxNode container)
        {
            foreach (var v in declaration.Variables)
            {
                var name = v.Identifier.ValueText;
                // At the top of a cell, later cells (the tests) may use the variable: keep it. In a method, keep it
                // only when code after the region in the same body uses it.
                var usedLater = container is CompilationUnitSyntax || container.DescendantNodes()
                    .OfType<IdentifierNameSyntax>().Any(id => id.SpanStart >= region.End && id.Identifier.ValueText == name);
                if (!usedLater) continue;
                var type = TypeOf(declaration.Type, v)
                    ?? throw error(LineOf(v.SpanStart),
                        $"'{name}' is declared with var inside the solution and used after it, so the student version must " +
                        $"declare it without the solution: write its type instead of var (e.g. Matrix<double> {name} = …)");
                yield return $"{type} {name} = default!; // your code";
            }
        }

        /// <summary>The written type, or the type of a literal or <c>new T(…)</c> initializer of a var; else null.</summary>
        private static string? TypeOf(TypeSyntax type, VariableDeclaratorSyntax variable)
        {
            if (!type.IsVar) return type.ToString();
            return variable.Initializer?.Value switch
            {
                ObjectCreationExpressionSyntax o => o.Type.ToString(),
                LiteralExpressionSyntax l => l.Token.Value switch
                {
                    int => "int",
                    long => "long",
                    double => "double",
                    float => "float",
                    decimal => "decimal",
                    bool => "bool",
                    string => "string",
                    char => "char",
                    _ => null,
                },
                _ => null,
            };
        }

        private static string Describe(SyntaxNode node)
        {
            var kind = node.Kind().ToString();
            return string.Concat(kind.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
        }
    }
}
