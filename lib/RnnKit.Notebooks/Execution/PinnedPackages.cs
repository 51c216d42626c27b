namespace RnnKit.Notebooks.Execution;

/// <summary>
/// The NuGet packages a notebook may name in <c>#r "nuget: Name, Version"</c>: the ones the kit itself references
/// (pinned in Directory.Packages.props). The engine already references them, so the directive only checks the name
/// and, when given, the version; a test keeps this list equal to Directory.Packages.props.
/// </summary>
public static class PinnedPackages
{
    public static IReadOnlyDictionary<string, string> Versions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["MathNet.Numerics"] = "5.0.0",
        ["System.Numerics.Tensors"] = "10.0.0",
        ["Plotly.NET"] = "6.0.0",
        ["Plotly.NET.CSharp"] = "0.14.0",
        ["Microsoft.DotNet.Interactive.Formatting"] = "1.0.0-beta.23562.1",
    };

    /// <summary>Null if <c>#r "nuget: name, version"</c> is satisfied by the kit, else the message saying why not.</summary>
    /// <param name="name">The package id (case-insensitive, as NuGet's).</param>
    /// <param name="version">The version asked for, or null for "the pinned one".</param>
    public static string? Problem(string name, string? version)
    {
        if (!Versions.TryGetValue(name, out var pinned))
            return $"package {name} is not available in RnnKit; available: {string.Join(", ", Versions.Select(kv => $"{kv.Key} {kv.Value}"))}";
        if (version is not null && !string.Equals(version, pinned, StringComparison.OrdinalIgnoreCase))
            return $"package {name} {version} is not available in RnnKit; it pins {name} {pinned} (write that version or none)";
        return null;
    }
}
