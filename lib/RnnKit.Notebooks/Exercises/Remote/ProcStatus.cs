namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>Linux's <c>/proc/PID/status</c>: "Name:\tvalue…" lines; the sandbox counts threads and users with it.</summary>
internal static class ProcStatus
{
    /// <summary>The first value of the field <paramref name="name"/> (e.g. "Threads", "Uid"), or null.</summary>
    public static string? Field(IEnumerable<string> lines, string name)
    {
        var prefix = name + ":";
        foreach (var line in lines)
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                return line[prefix.Length..].Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return null;
    }
}
