using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// The assemblies notebook code compiles against: the .NET shared framework, and the kit — RnnKit as this engine was
/// built with it (never a copy found on disk), MathNet.Numerics, Plotly.NET(.CSharp), the .NET Interactive formatter
/// and what they depend on (FSharp.Core, DynamicObj, …). Built once per process; references are immutable.
/// </summary>
internal static class KitReferences
{
    /// <summary>The kit's top-level assemblies; their dependencies are added too.</summary>
    private static readonly Assembly[] s_kit =
    [
        typeof(RnnKit.Parameter).Assembly,
        typeof(MathNet.Numerics.LinearAlgebra.Matrix<>).Assembly,
        typeof(Plotly.NET.GenericChart).Assembly,
        typeof(Plotly.NET.CSharp.Chart).Assembly,
        typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly,
        typeof(System.Numerics.Tensors.TensorPrimitives).Assembly,
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(Load);

    private static readonly Lazy<HashSet<string>> s_names = new(() =>
        new HashSet<string>(KitAssemblies().Select(a => a.GetName().Name!), StringComparer.OrdinalIgnoreCase));

    public static ImmutableArray<MetadataReference> All => s_all.Value;

    /// <summary>
    /// Whether <c>#r "…/name.dll"</c> names an assembly the engine already provides (then the engine's copy is used
    /// and the file is not loaded, so a stale build on disk can never shadow the kit).
    /// </summary>
    public static bool Provides(string assemblyFileName) =>
        s_names.Value.Contains(Path.GetFileNameWithoutExtension(assemblyFileName));

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = Directory.EnumerateFiles(runtime, "*.dll").Where(IsManaged);
        var kit = KitAssemblies().Select(a => a.Location).Where(l => l.Length > 0 && !l.StartsWith(runtime, StringComparison.Ordinal));
        return [.. framework.Concat(kit).Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    /// <summary>The kit assemblies, this one (for display and interruption) and everything they reference, loaded.</summary>
    private static IEnumerable<Assembly> KitAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Assembly>(s_kit);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var name in assembly.GetReferencedAssemblies())
            {
                if (seen.ContainsKey(name.Name!)) continue;
                try
                {
                    pending.Push(Assembly.Load(name));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // An optional dependency that is not deployed (e.g. a platform-specific one): code that needs it
                    // gets the compiler's missing-reference error, which names it.
                }
            }
        }
        seen[typeof(KitReferences).Assembly.GetName().Name!] = typeof(KitReferences).Assembly;
        return seen.Values;
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
