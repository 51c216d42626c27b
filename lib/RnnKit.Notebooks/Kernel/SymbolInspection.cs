using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnKit.Notebooks.Kernel;

/// <summary>What inspect_request shows for a symbol: its signature, the number of other overloads, its doc summary.</summary>
internal sealed record Inspection(string Signature, int OtherOverloads, string? Summary)
{
    public string PlainText =>
        Signature
        + (OtherOverloads > 0 ? $" (+ {OtherOverloads} overload{(OtherOverloads == 1 ? "" : "s")})" : "")
        + (Summary is null ? "" : "\n\n" + Summary);

    public string Markdown =>
        $"```csharp\n{Signature}\n```"
        + (OtherOverloads > 0 ? $"\n(+ {OtherOverloads} overload{(OtherOverloads == 1 ? "" : "s")})" : "")
        + (Summary is null ? "" : "\n\n" + Summary);
}

/// <summary>
/// inspect_request: the symbol under the cursor (or just before it, or the method whose argument list the cursor
/// is in), with Roslyn's display of its signature and its XML doc summary.
/// </summary>
internal static class SymbolInspection
{
    private static readonly SymbolDisplayFormat SignatureFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
                           | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
                              | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut)
        .WithKindOptions(SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword);

    /// <param name="compilation">The cell compiled as the next submission (its last syntax tree is the cell).</param>
    /// <param name="position">The cursor, a UTF-16 index into the cell.</param>
    public static Inspection? Inspect(Compilation compilation, int position)
    {
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        position = Math.Clamp(position, 0, root.FullSpan.End);

        foreach (var token in new[] { root.FindToken(position), root.FindToken(Math.Max(0, position - 1)) })
        {
            if (token.Parent is null) continue;
            if (token.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(token.Kind()))
                if (Describe(SymbolAt(model, token.Parent), compilation) is { } found)
                    return found;
        }
        // Inside an argument list: the method being called.
        var call = root.FindToken(Math.Max(0, position - 1)).Parent?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        return call is null ? null : Describe(SymbolAt(model, call.Expression), compilation);
    }

    private static (ISymbol? Symbol, int Overloads) SymbolAt(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        if (info.Symbol is { } symbol)
            return (symbol, 0);
        if (!info.CandidateSymbols.IsEmpty)
            return (info.CandidateSymbols[0], info.CandidateSymbols.Length - 1);
        if (model.GetDeclaredSymbol(node) is { } declared)
            return (declared, 0);
        return (model.GetTypeInfo(node).Type is { TypeKind: not TypeKind.Error } type ? type : null, 0);
    }

    private static Inspection? Describe((ISymbol? Symbol, int Overloads) found, Compilation compilation)
    {
        if (found.Symbol is not { } symbol) return null;
        var signature = symbol switch
        {
            ILocalSymbol local => $"{local.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {local.Name}",
            IFieldSymbol { ContainingType.IsScriptClass: true } field => $"{field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {field.Name}",
            _ => symbol.ToDisplayString(SignatureFormat),
        };
        var overloads = found.Overloads;
        if (overloads == 0 && symbol is IMethodSymbol method)
            overloads = method.ContainingType?.GetMembers(method.Name).OfType<IMethodSymbol>().Count() - 1 ?? 0;
        return new Inspection(signature, Math.Max(0, overloads), XmlDocs.Summary(symbol, compilation));
    }
}
