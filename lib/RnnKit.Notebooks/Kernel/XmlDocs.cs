using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The XML documentation summary of a symbol. Scripting compiles against the runtime's implementation
/// assemblies, which ship without docs, so the doc file is looked for: next to the referenced assembly (RnnKit's
/// own), in the SDK's reference pack (the BCL: System.Console.xml, System.Runtime.xml for CoreLib types), and in
/// the NuGet package folder (MathNet, Plotly.NET). Each file is read once and kept.
/// </summary>
internal static class XmlDocs
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Files = new(StringComparer.Ordinal);

    /// <summary>The summary text of <paramref name="symbol"/> (of the method it was reduced from, for extension calls).</summary>
    public static string? Summary(ISymbol symbol, Compilation compilation)
    {
        symbol = symbol is IMethodSymbol { ReducedFrom: { } original } ? original : symbol.OriginalDefinition;
        var id = symbol.GetDocumentationCommentId();
        if (id is null) return null;
        var inline = symbol.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(inline)) return SummaryOf(inline);
        if (symbol.ContainingAssembly is not { } assembly) return null;
        foreach (var file in Candidates(assembly, compilation))
            if (Load(file).TryGetValue(id, out var summary))
                return summary;
        return null;
    }

    private static IEnumerable<string> Candidates(IAssemblySymbol assembly, Compilation compilation)
    {
        var name = assembly.Identity.Name;
        if (compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path })
            yield return Path.ChangeExtension(path, ".xml");
        if (ReferencePack() is { } pack)
        {
            yield return Path.Combine(pack, name + ".xml");
            // CoreLib's public types are documented under the facade that forwards them.
            if (name == "System.Private.CoreLib") yield return Path.Combine(pack, "System.Runtime.xml");
        }
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(packages, name.ToLowerInvariant());
        if (Directory.Exists(package))
            foreach (var file in Directory.EnumerateFiles(package, name + ".xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Reverse())
                yield return file;
    }

    /// <summary>The SDK's Microsoft.NETCore.App.Ref folder for the running runtime's major version, if installed.</summary>
    private static string? ReferencePack()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        // …/dotnet/shared/Microsoft.NETCore.App/10.0.x/ → …/dotnet/packs/Microsoft.NETCore.App.Ref/10.0.y/ref/net10.0
        var dotnetRoot = runtimeDir is null ? null : Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = dotnetRoot is null ? null : Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (packs is null || !Directory.Exists(packs)) return null;
        var major = Environment.Version.Major;
        var tfm = $"net{major}.0";
        return Directory.EnumerateDirectories(packs, $"{major}.*")
            .Select(v => Path.Combine(v, "ref", tfm))
            .Where(Directory.Exists)
            .Order(StringComparer.Ordinal)
            .LastOrDefault();
    }

    private static IReadOnlyDictionary<string, string> Load(string file) => Files.GetOrAdd(file, static path =>
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return summaries;
        try
        {
            foreach (var member in XDocument.Load(path).Descendants("member"))
                if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
                    summaries[name] = Flatten(summary);
        }
        catch (XmlException)
        {
            // A damaged doc file only means no documentation for its symbols.
        }
        return summaries;
    });

    private static string? SummaryOf(string documentationXml)
    {
        try
        {
            return XElement.Parse(documentationXml).Element("summary") is { } summary ? Flatten(summary) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The summary as plain text: &lt;see cref="T:X.Y"/&gt; becomes Y, whitespace is collapsed.</summary>
    private static string Flatten(XElement summary)
    {
        var parts = summary.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "seealso" } e =>
                e.Attribute("langword")?.Value ?? ShortName(e.Attribute("cref")?.Value ?? e.Value),
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value ?? "",
            XElement e => Flatten(e),
            _ => "",
        });
        return string.Join(' ', string.Concat(parts).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        return name[(name.LastIndexOf('.') + 1)..].Split('`')[0];
    }
}
