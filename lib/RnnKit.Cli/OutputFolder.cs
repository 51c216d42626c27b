namespace RnnKit.Cli;

/// <summary>The rule for every `--out DIR`: a missing or empty folder is used; a non-empty one only with --force.</summary>
public static class OutputFolder
{
    /// <summary>Creates <paramref name="path"/> if needed and returns its full path.</summary>
    /// <exception cref="CliException">The folder has files in it and <paramref name="force"/> is false.</exception>
    public static string Prepare(string path, bool force)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            throw new CliException($"--out {path}: is a file, not a folder");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !force)
            throw new CliException($"--out {path}: folder is not empty; pass --force to write into it");
        Directory.CreateDirectory(full);
        return full;
    }
}
