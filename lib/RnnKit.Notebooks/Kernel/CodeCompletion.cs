using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnKit.Notebooks.Kernel;

/// <summary>One completion: the text to insert and the kind of symbol (method, property, local, keyword…).</summary>
internal sealed record CompletionItem(string Text, string Kind);

/// <summary>The completions for the word at the cursor, which spans [<see cref="Start"/>, <see cref="End"/>) (UTF-16).</summary>
internal sealed record CompletionResult(IReadOnlyList<CompletionItem> Items, int Start, int End);

/// <summary>
/// complete_request with Roslyn's semantic model: after <c>expr.</c> the members of the expression's type (or of
/// the type or namespace it names, with extension methods); elsewhere every symbol in scope — earlier cells'
/// variables and methods, types, namespaces — and the C# keywords, filtered by the prefix typed so far.
/// </summary>
internal static class CodeCompletion
{
    /// <param name="compilation">The cell compiled as the next submission (its last syntax tree is the cell).</param>
    /// <param name="position">The cursor, a UTF-16 index into the cell.</param>
    public static CompletionResult Complete(Compilation compilation, int position)
    {
        var tree = compilation.SyntaxTrees.Last();
        var text = tree.GetText().ToString();
        position = Math.Clamp(position, 0, text.Length);
        var start = position;
        while (start > 0 && SyntaxFacts.IsIdentifierPartCharacter(text[start - 1])) start--;
        var prefix = text[start..position];
        var model = compilation.GetSemanticModel(tree);

        var (symbols, afterDot) = MemberAccessTarget(tree, model, start) is { } target
            ? (LookupMembers(model, start, target), true)
            : (model.LookupSymbols(start), false);

        var items = symbols
            .Where(s => s.CanBeReferencedByName && Matches(s.Name, prefix))
            .Select(s => new CompletionItem(s.Name, KindOf(s)));
        if (!afterDot)
            items = items.Concat(Keywords.Where(k => prefix.Length > 0 && Matches(k, prefix)).Select(k => new CompletionItem(k, "keyword")));
        var distinct = items
            .DistinctBy(i => i.Text, StringComparer.Ordinal)
            .OrderBy(i => i.Text, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Text, StringComparer.Ordinal)
            .ToList();
        return new CompletionResult(distinct, start, position);
    }

    private static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds()
        .Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText)
        .Where(k => k.Length > 0 && char.IsLetter(k[0]))
        .Distinct()
        .ToArray();

    private static bool Matches(string name, string prefix) => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The thing left of the '.' that precedes the word starting at <paramref name="wordStart"/>, if any.</summary>
    private static MemberTarget? MemberAccessTarget(SyntaxTree tree, SemanticModel model, int wordStart)
    {
        var root = tree.GetRoot();
        var dot = root.FindToken(Math.Max(0, wordStart - 1), findInsideTrivia: false);
        if (!dot.IsKind(SyntaxKind.DotToken) || dot.Span.End > wordStart) return null;
        var left = dot.Parent switch
        {
            MemberAccessExpressionSyntax m => m.Expression,
            QualifiedNameSyntax q => q.Left,
            _ => null,
        };
        if (left is null) return null;
        var symbol = model.GetSymbolInfo(left).Symbol;
        if (symbol is INamespaceOrTypeSymbol container)
            return new MemberTarget(container, IsStatic: true);
        var type = model.GetTypeInfo(left).Type;
        return type is null or IErrorTypeSymbol ? null : new MemberTarget(type, IsStatic: false);
    }

    private sealed record MemberTarget(INamespaceOrTypeSymbol Container, bool IsStatic);

    private static IEnumerable<ISymbol> LookupMembers(SemanticModel model, int position, MemberTarget target)
    {
        if (target.IsStatic)
            return target.Container is INamespaceSymbol
                ? model.LookupNamespacesAndTypes(position, target.Container)
                : model.LookupStaticMembers(position, target.Container);
        // An instance: its members that need an instance, and extension methods that apply to its type.
        return model.LookupSymbols(position, target.Container, includeReducedExtensionMethods: true)
            .Where(s => !s.IsStatic || s is IMethodSymbol { ReducedFrom: not null });
    }

    private static string KindOf(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol f => f.ContainingType?.IsScriptClass == true ? "variable" : "field",
        IEventSymbol => "event",
        ILocalSymbol => "variable",
        IParameterSymbol => "variable",
        INamespaceSymbol => "namespace",
        ITypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        ITypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        ITypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        ITypeSymbol => "class",
        _ => "text",
    };
}
