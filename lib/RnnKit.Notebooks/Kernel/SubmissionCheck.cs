using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnKit.Notebooks.Kernel;

/// <summary>The answer to is_complete_request: may a console run this code now, or should it read more lines?</summary>
internal sealed record SubmissionStatus(string Status, string Indent)
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
    public const string Invalid = "invalid";
}

/// <summary>
/// Decides is_complete with Roslyn's own test for interactive submissions: code that ends inside an open brace,
/// parenthesis or string is incomplete; complete code with syntax errors elsewhere is invalid.
/// </summary>
internal static class SubmissionCheck
{
    /// <summary>One indentation level of the lessons' code.</summary>
    private const string IndentUnit = "    ";

    private static readonly CSharpParseOptions ScriptParse = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static SubmissionStatus Check(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(CellText.ForAnalysis(code), ScriptParse);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
            return new SubmissionStatus(SubmissionStatus.Incomplete, Indent(tree));
        var hasErrors = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new SubmissionStatus(hasErrors ? SubmissionStatus.Invalid : SubmissionStatus.Complete, "");
    }

    /// <summary>One level per brace still open, at least one (the next line continues a statement).</summary>
    private static string Indent(SyntaxTree tree)
    {
        var depth = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing) continue;
            if (token.IsKind(SyntaxKind.OpenBraceToken)) depth++;
            else if (token.IsKind(SyntaxKind.CloseBraceToken)) depth--;
        }
        return string.Concat(Enumerable.Repeat(IndentUnit, Math.Max(1, depth)));
    }
}
