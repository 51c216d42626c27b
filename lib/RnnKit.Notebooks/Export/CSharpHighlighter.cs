using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnKit.Notebooks.Execution;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// Highlights a C# cell offline: Roslyn parses it in script mode (as the engine runs it) and every token and
/// trivia becomes a span with a short class (<c>kw</c> keyword, <c>str</c> string or char, <c>num</c> number,
/// <c>com</c> comment, <c>pre</c> directive such as <c>#r</c>, <c>typ</c> type name, <c>fn</c> method name).
/// Roslyn's tree is full-fidelity, so the spans' text is exactly the source, whatever errors it has.
/// </summary>
public static class CSharpHighlighter
{

    /// <summary>Contextual keywords shown as keywords when Roslyn gives them that meaning.</summary>
    private static readonly HashSet<SyntaxKind> ContextualKeywords =
    [
        SyntaxKind.VarKeyword, SyntaxKind.AwaitKeyword, SyntaxKind.AsyncKeyword, SyntaxKind.YieldKeyword,
        SyntaxKind.NameOfKeyword, SyntaxKind.RecordKeyword, SyntaxKind.InitKeyword, SyntaxKind.WithKeyword,
        SyntaxKind.WhenKeyword, SyntaxKind.GetKeyword, SyntaxKind.SetKeyword,
    ];

    private static readonly HashSet<SyntaxKind> StringTokens =
    [
        SyntaxKind.StringLiteralToken, SyntaxKind.Utf8StringLiteralToken, SyntaxKind.CharacterLiteralToken,
        SyntaxKind.SingleLineRawStringLiteralToken, SyntaxKind.MultiLineRawStringLiteralToken,
        SyntaxKind.Utf8SingleLineRawStringLiteralToken, SyntaxKind.Utf8MultiLineRawStringLiteralToken,
        SyntaxKind.InterpolatedStringStartToken, SyntaxKind.InterpolatedVerbatimStringStartToken,
        SyntaxKind.InterpolatedStringTextToken, SyntaxKind.InterpolatedStringEndToken,
        SyntaxKind.InterpolatedSingleLineRawStringStartToken, SyntaxKind.InterpolatedMultiLineRawStringStartToken,
        SyntaxKind.InterpolatedRawStringEndToken,
    ];

    /// <summary>The cell's code as HTML: escaped text with highlight spans, to go inside <c>&lt;pre&gt;&lt;code&gt;</c>.</summary>
    public static string ToHtml(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, CSharpSession.ParseOptions).GetRoot();
        var html = new StringBuilder(code.Length * 2);
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false))
        {
            foreach (var trivia in token.LeadingTrivia) AppendTrivia(html, trivia);
            Append(html, token.Text, Classify(token));
            foreach (var trivia in token.TrailingTrivia) AppendTrivia(html, trivia);
        }
        return html.ToString();
    }

    private static void AppendTrivia(StringBuilder html, SyntaxTrivia trivia)
    {
        var cls = trivia.Kind() switch
        {
            SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia
                or SyntaxKind.DisabledTextTrivia => "com",
            _ when trivia.IsDirective => "pre",
            _ => null,
        };
        var text = trivia.ToFullString();
        // A directive's text ends with its line break; keep the break outside the span.
        if (cls == "pre" && text.EndsWith('\n'))
        {
            var body = text.TrimEnd('\r', '\n');
            Append(html, body, cls);
            Append(html, text[body.Length..], null);
            return;
        }
        Append(html, text, cls);
    }

    private static string? Classify(SyntaxToken token)
    {
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind)) return "kw";
        if (StringTokens.Contains(kind)) return "str";
        if (kind == SyntaxKind.NumericLiteralToken) return "num";
        if (kind != SyntaxKind.IdentifierToken) return null;
        if (ContextualKeywords.Contains(ContextualKind(token)) && IsContextualKeywordUse(token)) return "kw";
        if (IsMethodName(token)) return "fn";
        if (IsTypeName(token)) return "typ";
        return null;
    }

    private static SyntaxKind ContextualKind(SyntaxToken token) => SyntaxFacts.GetContextualKeywordKind(token.ValueText);

    private static bool IsContextualKeywordUse(SyntaxToken token) => token.Parent switch
    {
        IdentifierNameSyntax name when ContextualKind(token) == SyntaxKind.VarKeyword =>
            name.Parent is VariableDeclarationSyntax or DeclarationExpressionSyntax or ForEachStatementSyntax,
        IdentifierNameSyntax name when ContextualKind(token) == SyntaxKind.NameOfKeyword =>
            name.Parent is InvocationExpressionSyntax,
        IdentifierNameSyntax => false,
        MemberDeclarationSyntax member => member.Modifiers.Contains(token), // async
        LocalFunctionStatementSyntax function => function.Modifiers.Contains(token),
        AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers.Contains(token),
        _ => false, // a name being declared: int var = 1;
    };

    private static bool IsMethodName(SyntaxToken token) => token.Parent switch
    {
        MethodDeclarationSyntax or LocalFunctionStatementSyntax => true,
        SimpleNameSyntax name => name.Parent switch
        {
            InvocationExpressionSyntax call => call.Expression == name,
            MemberAccessExpressionSyntax access => access.Name == name && access.Parent is InvocationExpressionSyntax,
            _ => false,
        },
        _ => false,
    };

    private static bool IsTypeName(SyntaxToken token) => token.Parent switch
    {
        BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or ConstructorDeclarationSyntax => true,
        SimpleNameSyntax name => IsTypePosition(name),
        _ => false,
    };

    /// <summary>A name written where a type goes, or a capitalised name before a '.' (Math.Exp, Console.Out).</summary>
    private static bool IsTypePosition(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        while (node.Parent is QualifiedNameSyntax q && q.Right == node) node = q;
        return node.Parent switch
        {
            VariableDeclarationSyntax v => v.Type == node,
            ObjectCreationExpressionSyntax o => o.Type == node,
            ArrayTypeSyntax or NullableTypeSyntax or TypeArgumentListSyntax or BaseTypeSyntax or TypeConstraintSyntax
                or TypeOfExpressionSyntax or DefaultExpressionSyntax or CastExpressionSyntax => true,
            ParameterSyntax p => p.Type == node,
            PropertyDeclarationSyntax p => p.Type == node,
            MethodDeclarationSyntax m => m.ReturnType == node,
            DeclarationExpressionSyntax d => d.Type == node,
            ForEachStatementSyntax f => f.Type == node,
            TupleElementSyntax or RefTypeSyntax or PointerTypeSyntax => true,
            MemberAccessExpressionSyntax access => access.Expression == node && name.Identifier.Text is [var first, ..] && char.IsUpper(first),
            _ => false,
        };
    }

    private static void Append(StringBuilder html, string text, string? cls)
    {
        if (text.Length == 0) return;
        if (cls is null)
        {
            html.Append(Html.Escape(text));
            return;
        }
        html.Append("<span class=\"").Append(cls).Append("\">").Append(Html.Escape(text)).Append("</span>");
    }
}
