using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnKit.TestSupport;

/// <summary>
/// Which source folder of lib/ uses which: every C# file of the kit's projects compiled together with Roslyn, every
/// name in it bound to its symbol, the symbol's type mapped to the folder declaring it. Namespaces say little here
/// (most of lib/RnnKit shares the namespace RnnKit), so folders are what the layering tests speak of.
/// Folders are named relative to lib/, e.g. "RnnKit/Fast", "RnnKit.Notebooks/Execution"; files at a project's root
/// and the CLI's Verbs/ count as the project itself ("RnnKit.Cli").
/// </summary>
public static class SourceDependencies
{
    private static readonly string[] Projects = ["RnnKit", "RnnKit.Notebooks", "RnnKit.Cli"];

    private static readonly Lazy<IReadOnlyList<Use>> s_uses = new(Compute);

    /// <summary>One file of <paramref name="From"/> using a type declared in <paramref name="To"/>.</summary>
    public sealed record Use(string From, string To, string File, int Line, string Type)
    {
        public override string ToString() => $"{File}:{Line} ({From}) uses {Type} ({To})";
    }

    /// <summary>Every use across folders (uses inside one folder are left out).</summary>
    public static IReadOnlyList<Use> All => s_uses.Value;

    /// <summary>The uses of <paramref name="to"/> (a folder, or a folder prefix ending in '/') by <paramref name="from"/>.</summary>
    public static IReadOnlyList<Use> Between(string from, string to) =>
        All.Where(u => Matches(u.From, from) && Matches(u.To, to)).ToList();

    private static bool Matches(string folder, string pattern) =>
        pattern.EndsWith('/') ? folder.StartsWith(pattern, StringComparison.Ordinal) || folder == pattern.TrimEnd('/') : folder == pattern;

    /// <summary>The folder a source file belongs to.</summary>
    public static string FolderOf(string path)
    {
        var relative = Path.GetRelativePath(Repo.PathOf("lib"), path).Replace('\\', '/');
        var parts = relative.Split('/');
        return parts.Length > 2 && parts[0] != "RnnKit.Cli" ? $"{parts[0]}/{parts[1]}" : parts[0];
    }

    private static IReadOnlyList<Use> Compute()
    {
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        var trees = Projects
            .SelectMany(p => Directory.EnumerateFiles(Repo.PathOf("lib", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create("LayeringCheck", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));

        var uses = new ConcurrentBag<Use>();
        Parallel.ForEach(trees.Where(t => t.FilePath != "ImplicitUsings.cs"), tree =>
        {
            var from = FolderOf(tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            var seen = new HashSet<(string, string)>();
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (TypeOf(symbol) is not { } type) continue;
                foreach (var declaration in type.OriginalDefinition.DeclaringSyntaxReferences)
                {
                    var to = FolderOf(declaration.SyntaxTree.FilePath);
                    if (to == from || !seen.Add((to, type.Name))) continue;
                    uses.Add(new Use(from, to, Path.GetRelativePath(Repo.Root, tree.FilePath),
                        name.GetLocation().GetLineSpan().StartLinePosition.Line + 1, type.ToDisplayString()));
                }
            }
        });
        return uses.OrderBy(u => u.File, StringComparer.Ordinal).ThenBy(u => u.Line).ToList();
    }

    /// <summary>The type a name stands for, or whose member it is (extension methods count for their class).</summary>
    private static INamedTypeSymbol? TypeOf(ISymbol? symbol) => symbol switch
    {
        null => null,
        INamedTypeSymbol type => type,
        IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType,
        INamespaceSymbol or ILocalSymbol or IParameterSymbol or ITypeParameterSymbol or IRangeVariableSymbol or ILabelSymbol => null,
        _ => symbol.ContainingType,
    };

    /// <summary>The framework and every package assembly beside the tests (the kit's own assemblies excepted: their
    /// sources are compiled here).</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("RnnKit", StringComparison.Ordinal));
        return platform.Concat(beside)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Where(f => !Path.GetFileName(f).StartsWith("RnnKit", StringComparison.Ordinal))
            .Select(f => MetadataReference.CreateFromFile(f));
    }

    /// <summary>What &lt;ImplicitUsings&gt; adds to every project (Directory.Build.props).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;
}
