namespace RnnKit.Notebooks.Execution;

/// <summary>
/// The .NET Interactive directives of one cell, read line by line: <c>#!time</c>, the kernel selectors
/// <c>#!csharp</c> / <c>#!c#</c> (what follows is C#) and <c>#!markdown</c> (what follows is not run),
/// <c>#r "nuget: Name, Version"</c> and <c>#r "path.dll"</c>. <see cref="Code"/> is the C# left to compile, with every
/// directive and non-C# line blanked so line numbers stay the cell's.
/// </summary>
/// <param name="Code">The C# to run (same line count as the cell).</param>
/// <param name="Time">Whether <c>#!time</c> asked for the wall time.</param>
/// <param name="Packages">(line, name, version or null) of each <c>#r "nuget: …"</c>.</param>
/// <param name="Files">(line, path as written) of each <c>#r "path"</c>.</param>
/// <param name="Problem">A directive that cannot be honoured, with its 1-based line, or null.</param>
public sealed record CellDirectives(
    string Code,
    bool Time,
    IReadOnlyList<(int Line, string Name, string? Version)> Packages,
    IReadOnlyList<(int Line, string Path)> Files,
    (int Line, string Message)? Problem)
{
    /// <summary>The magic commands this engine understands.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["#!time", "#!csharp", "#!c#", "#!markdown"];

    /// <summary>Kernel names of .NET Interactive's other languages: named in the error as languages, not typos.</summary>
    private static readonly HashSet<string> s_otherLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid", "http", "python", "value", "set", "share",
    };

    /// <summary>True when nothing in the cell is C# to run (all of it is under <c>#!markdown</c>, or it is empty).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Code);

    public static CellDirectives Parse(string cell)
    {
        var lines = cell.Split('\n');
        var code = new string[lines.Length];
        var time = false;
        var markdown = false;
        List<(int, string, string?)> packages = [];
        List<(int, string)> files = [];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            code[i] = "";
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = trimmed.Split(' ', 2)[0];
                switch (name.ToLowerInvariant())
                {
                    case "#!time": time = true; continue;
                    case "#!csharp" or "#!c#": markdown = false; continue;
                    case "#!markdown": markdown = true; continue;
                }
                var message = s_otherLanguages.Contains(name[2..])
                    ? $"{name}: {name[2..]} cells are not supported; RnnKit runs C# only"
                    : $"unknown magic command '{name}'; RnnKit supports {string.Join(", ", Supported)}";
                return Failed(i + 1, message);
            }
            if (markdown) continue;
            if (trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#r\"", StringComparison.Ordinal))
            {
                var argument = trimmed[2..].Trim();
                if (argument.Length < 2 || argument[0] != '"' || argument[^1] != '"')
                    return Failed(i + 1, $"#r needs a quoted argument: #r \"nuget: Name, Version\" or #r \"path.dll\", got {trimmed}");
                argument = argument[1..^1].Trim();
                if (argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    var parts = argument["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries);
                    if (parts.Length > 2 || parts[0].Length == 0)
                        return Failed(i + 1, $"#r \"nuget: Name, Version\" expected, got {trimmed}");
                    packages.Add((i + 1, parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null));
                }
                else
                    files.Add((i + 1, argument));
                continue;
            }
            code[i] = line;
        }
        return new CellDirectives(string.Join('\n', code), time, packages, files, null);

        CellDirectives Failed(int line, string message) => new("", time, packages, files, (line, message));
    }
}
