using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnKit.Notebooks.Execution;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>A method the teacher's answer cell declares: its text pieces as the teacher wrote them.</summary>
/// <param name="Name">e.g. RnnStep.</param>
/// <param name="ReturnType">e.g. Matrix&lt;double&gt;, void, (int Sum, int Carry).</param>
/// <param name="Parameters">The parameter list without parentheses, as written (defaults kept).</param>
/// <param name="ParameterTypes">Each parameter's type.</param>
/// <param name="ParameterNames">Each parameter's name.</param>
public sealed record AnswerMethod(string Name, string ReturnType, string Parameters, IReadOnlyList<string> ParameterTypes, IReadOnlyList<string> ParameterNames)
{
    public bool ReturnsVoid => ReturnType == "void";

    /// <summary>global::System.Func&lt;…&gt; or global::System.Action&lt;…&gt; of this signature.</summary>
    public string DelegateType
    {
        get
        {
            var types = ReturnsVoid ? ParameterTypes : ParameterTypes.Append(ReturnType);
            var kind = ReturnsVoid ? "global::System.Action" : "global::System.Func";
            return types.Any() ? $"{kind}<{string.Join(", ", types)}>" : kind;
        }
    }

    /// <summary>How feedback shows it: <c>Matrix&lt;double&gt; RnnStep(Matrix&lt;double&gt; xt, …)</c>.</summary>
    public override string ToString() => $"{ReturnType} {Name}({Parameters})";
}

/// <summary>A variable the teacher's answer cell declares at the top of the cell, with its type.</summary>
public sealed record AnswerVariable(string Name, string Type);

/// <summary>
/// What an exercise's answer cell declares at its top level — methods and variables — read from the teacher's
/// cell. Grading needs it twice: the sandbox hands out the student's versions under these names
/// (<see cref="ExposeCode"/>), and the grader's test cells call stand-ins with the same signatures that ask the
/// sandbox (<see cref="StandInCode"/>), so the teacher's test cells run unchanged, outside the student's process.
/// </summary>
public sealed record AnswerSignature(string ExerciseId, IReadOnlyList<AnswerMethod> Methods, IReadOnlyList<AnswerVariable> Variables)
{
    /// <summary>The prefix of every name the kit's generated code uses for its own calls.</summary>
    private const string Kit = "global::RnnKit.Notebooks.Exercises.Remote";

    /// <exception cref="ExerciseMarkupException">The answer cell declares something that cannot be graded from outside:
    /// a generic or ref/out method, a var whose type cannot be read, a type holding the solution, or nothing at all.</exception>
    public static AnswerSignature Of(Exercise exercise, string answerSource, string notebook)
    {
        var root = CSharpSyntaxTree.ParseText(answerSource, CSharpSession.ParseOptions).GetCompilationUnitRoot();
        var methods = new List<AnswerMethod>();
        var variables = new List<AnswerVariable>();
        ExerciseMarkupException Problem(SyntaxNode node, string what) =>
            ExerciseMarkupException.At(notebook, exercise.AnswerCell, node.GetLocation().GetLineSpan().StartLinePosition.Line,
                $"exercise {exercise.Id} cannot be graded outside the student's process: {what}");

        foreach (var member in root.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax m:
                    if (m.TypeParameterList is not null) throw Problem(m, $"{m.Identifier} is generic; give it concrete types");
                    if (m.ParameterList.Parameters.FirstOrDefault(p => p.Modifiers.Any(t => t.IsKind(SyntaxKind.RefKeyword) || t.IsKind(SyntaxKind.OutKeyword) || t.IsKind(SyntaxKind.InKeyword))) is { } byRef)
                        throw Problem(byRef, $"parameter {byRef.Identifier} of {m.Identifier} is ref/out/in; return a tuple instead");
                    if (m.ParameterList.Parameters.Count > 16) throw Problem(m, $"{m.Identifier} has more than 16 parameters");
                    methods.Add(new AnswerMethod(m.Identifier.ValueText, m.ReturnType.ToString(), m.ParameterList.Parameters.ToString(),
                        m.ParameterList.Parameters.Select(p => p.Type!.ToString()).ToList(), m.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToList()));
                    break;
                case FieldDeclarationSyntax f:
                    variables.AddRange(Declared(f.Declaration, f, Problem));
                    break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                    variables.AddRange(Declared(local.Declaration, local, Problem));
                    break;
                case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax fn }:
                    throw Problem(fn, $"{fn.Identifier} is a local function; declare it as a method at the top of the cell");
                case BaseTypeDeclarationSyntax type when exercise.Solutions.Any(s => Overlaps(type, s)):
                    throw Problem(type, $"the solution lies inside the type {type.Identifier}; put it in a method at the top of the cell");
            }
        }
        if (methods.Count == 0 && variables.Count == 0)
            throw ExerciseMarkupException.At(notebook, exercise.AnswerCell, 0,
                $"exercise {exercise.Id} declares no method or variable at the top of its answer cell, so grading has nothing to call");
        return new AnswerSignature(exercise.Id, methods, variables);
    }

    private static bool Overlaps(SyntaxNode node, LineRange region)
    {
        var lines = node.GetLocation().GetLineSpan();
        return lines.StartLinePosition.Line <= region.End && lines.EndLinePosition.Line >= region.Begin;
    }

    private static IEnumerable<AnswerVariable> Declared(VariableDeclarationSyntax declaration, SyntaxNode at, Func<SyntaxNode, string, Exception> problem)
    {
        foreach (var v in declaration.Variables)
        {
            var type = declaration.Type.IsVar ? LiteralType(v) : declaration.Type.ToString();
            yield return new AnswerVariable(v.Identifier.ValueText,
                type ?? throw problem(at, $"'{v.Identifier}' is declared with var; write its type (e.g. Matrix<double> {v.Identifier} = …)"));
        }
    }

    private static string? LiteralType(VariableDeclaratorSyntax v) => v.Initializer?.Value switch
    {
        ObjectCreationExpressionSyntax o => o.Type.ToString(),
        LiteralExpressionSyntax l => l.Token.Value switch
        {
            int => "int", long => "long", double => "double", float => "float", decimal => "decimal", bool => "bool", string => "string", char => "char",
            _ => null,
        },
        _ => null,
    };

    /// <summary>Every name the answer declares.</summary>
    public IEnumerable<string> Names => Methods.Select(m => m.Name).Concat(Variables.Select(v => v.Name));

    /// <summary>The sandbox's cell after the student's answer: hands each of the student's versions to the grader.
    /// A student whose method no longer has the teacher's signature gets the compiler's message for it.</summary>
    public string ExposeCode() => string.Join("\n",
        Methods.Select(m => $"{Kit}.SandboxAnswers.Expose(\"{m.Name}\", new {m.DelegateType}({m.Name}));")
            .Concat(Variables.Select(v => $"{Kit}.SandboxAnswers.ExposeValue(\"{v.Name}\", ({v.Type}){v.Name});")));

    /// <summary>The grader's cell after the teacher's answer: keeps the teacher's versions, which stand in for a
    /// failed exercise in the student's later cells (<see cref="FallbackCode"/>).</summary>
    public string KeepCode() => string.Join("\n",
        Methods.Select(m => $"{Kit}.StudentAnswers.KeepTeacher(\"{m.Name}\", new {m.DelegateType}({m.Name}));")
            .Concat(Variables.Select(v => $"{Kit}.StudentAnswers.KeepTeacherValue(\"{v.Name}\", ({v.Type}){v.Name});")));

    /// <summary>The sandbox's cell after a failed exercise: its names declared again, calling the teacher's versions in
    /// the grader, so later exercises that use them are graded on their own (the sandbox gets values, not the code).</summary>
    public string FallbackCode() => string.Join("\n",
        Methods.Select(m => $"{m.ReturnType} {m.Name}({m.Parameters}) => (({m.DelegateType}){Kit}.SandboxAnswers.Fallback(\"{m.Name}\"))({string.Join(", ", m.ParameterNames.Select(n => "@" + n))});")
            .Concat(Variables.Select(v => $"{v.Type} {v.Name} = ({v.Type}){Kit}.SandboxAnswers.FallbackValue(\"{v.Name}\")!;")));

    /// <summary>The grader's cell before a test cell: declares every answer name again as a stand-in that asks the
    /// student's sandbox (the test cell's calls then reach the student's code; its checks run here).</summary>
    public string StandInCode()
    {
        var lines = new List<string>();
        foreach (var m in Methods)
        {
            var args = $"new object[] {{ {string.Join(", ", m.ParameterNames.Select(n => "@" + n))} }}";
            lines.Add(m.ReturnsVoid
                ? $"void {m.Name}({m.Parameters}) => {Kit}.StudentAnswers.CallVoid(\"{m.Name}\", {args});"
                : $"{m.ReturnType} {m.Name}({m.Parameters}) => {Kit}.StudentAnswers.Call<{m.ReturnType}>(\"{m.Name}\", {args});");
        }
        foreach (var v in Variables)
            lines.Add($"{v.Type} {v.Name} = {Kit}.StudentAnswers.Get<{v.Type}>(\"{v.Name}\");");
        return string.Join("\n", lines);
    }
}
