namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// Where Jupyter looks for kernelspecs (jupyter_core.paths): JUPYTER_PATH entries, the user data dir
/// (JUPYTER_DATA_DIR, else ~/.local/share/jupyter — $XDG_DATA_HOME/jupyter when set — ~/Library/Jupyter on macOS,
/// %APPDATA%\jupyter on Windows), then the system dirs (/usr/local/share/jupyter and /usr/share/jupyter, or
/// %PROGRAMDATA%\jupyter). Each has a kernels/ folder.
/// </summary>
public static class JupyterPaths
{
    public static string UserDataDir()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } dataDir)
            return Path.GetFullPath(dataDir);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS())
            return Path.Combine(home, "Library", "Jupyter");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(xdg is { Length: > 0 } ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
    }

    public static IReadOnlyList<string> SystemDataDirs() => OperatingSystem.IsWindows()
        ? [Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter")]
        : ["/usr/local/share/jupyter", "/usr/share/jupyter"];

    /// <summary>Every kernels/ folder Jupyter searches, in its order (the Python environment's own is unknown here).</summary>
    public static IReadOnlyList<string> KernelDirs()
    {
        var extra = (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return extra.Append(UserDataDir()).Concat(SystemDataDirs())
            .Select(d => Path.Combine(d, "kernels"))
            .Distinct()
            .ToList();
    }
}
