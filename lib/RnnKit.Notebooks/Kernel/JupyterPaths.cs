using RnnKit.Platform;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// Where Jupyter looks for kernelspecs (jupyter_core.paths): JUPYTER_PATH entries, the user data dir
/// (JUPYTER_DATA_DIR, else ~/.local/share/jupyter — $XDG_DATA_HOME/jupyter when set — ~/Library/Jupyter on macOS,
/// %APPDATA%\jupyter on Windows), then the system dirs (/usr/local/share/jupyter and /usr/share/jupyter, or
/// %PROGRAMDATA%\jupyter). Each has a kernels/ folder. Every method takes the machine (by default this one), so
/// tests check the Windows and macOS answers on Linux.
/// </summary>
public static class JupyterPaths
{
    public static string UserDataDir(HostSystem? host = null)
    {
        host ??= HostSystem.Current;
        if (host.Setting("JUPYTER_DATA_DIR") is { } dataDir)
            return Path.IsPathRooted(dataDir) ? dataDir : Path.GetFullPath(dataDir);
        return host.Os switch
        {
            HostOs.Windows => Path.Combine(host.RoamingAppData, "jupyter"),
            HostOs.MacOS => Path.Combine(host.Home, "Library", "Jupyter"),
            _ => Path.Combine(host.Setting("XDG_DATA_HOME") ?? Path.Combine(host.Home, ".local", "share"), "jupyter"),
        };
    }

    public static IReadOnlyList<string> SystemDataDirs(HostSystem? host = null)
    {
        host ??= HostSystem.Current;
        return host.Os == HostOs.Windows
            ? [Path.Combine(host.Setting("PROGRAMDATA") ?? Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter")]
            : ["/usr/local/share/jupyter", "/usr/share/jupyter"];
    }

    /// <summary>Every kernels/ folder Jupyter searches, in its order (the Python environment's own is unknown here).</summary>
    public static IReadOnlyList<string> KernelDirs(HostSystem? host = null)
    {
        host ??= HostSystem.Current;
        var extra = (host.Setting("JUPYTER_PATH") ?? "").Split(host.PathListSeparator, StringSplitOptions.RemoveEmptyEntries);
        return extra.Append(UserDataDir(host)).Concat(SystemDataDirs(host))
            .Select(d => Path.Combine(d, "kernels"))
            .Distinct()
            .ToList();
    }
}
