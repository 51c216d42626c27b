namespace RnnKit.Platform;

/// <summary>The operating systems the kit knows the conventions of.</summary>
public enum HostOs
{
    Linux,
    MacOS,
    Windows,
}

/// <summary>
/// The facts about this machine that decide where the kit keeps things and what it tells a person to type: the OS,
/// the environment variables and the home folder. Code takes <see cref="Current"/>; tests build one for another OS
/// (<see cref="Simulated"/>), so the Windows and macOS choices are checked on Linux.
/// </summary>
/// <param name="Os">Whose conventions apply.</param>
/// <param name="Variable">Reads an environment variable (null when unset).</param>
/// <param name="Home">The user's home folder (~, %USERPROFILE%).</param>
public sealed record HostSystem(HostOs Os, Func<string, string?> Variable, string Home)
{
    /// <summary>This process's machine, read live.</summary>
    public static HostSystem Current { get; } = new(
        OperatingSystem.IsWindows() ? HostOs.Windows : OperatingSystem.IsMacOS() ? HostOs.MacOS : HostOs.Linux,
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Another machine: <paramref name="os"/> with only <paramref name="variables"/> set.</summary>
    public static HostSystem Simulated(HostOs os, string home, IReadOnlyDictionary<string, string>? variables = null) =>
        new(os, name => variables is not null && variables.TryGetValue(name, out var v) ? v : null, home);

    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    public string? Setting(string name) => Variable(name) is { Length: > 0 } value ? value : null;

    /// <summary>A variable that switches something on: set to anything but "", "0", "false" or "no".</summary>
    public bool IsOn(string name) => Setting(name) is { } v && v is not ("0" or "false" or "no");

    /// <summary>Windows' %LOCALAPPDATA% (machine-local, not roamed): the variable, else HOME\AppData\Local.</summary>
    public string LocalAppData => Setting("LOCALAPPDATA") ?? Path.Combine(Home, "AppData", "Local");

    /// <summary>Windows' %APPDATA% (roamed with the profile): the variable, else HOME\AppData\Roaming.</summary>
    public string RoamingAppData => Setting("APPDATA") ?? Path.Combine(Home, "AppData", "Roaming");

    /// <summary>
    /// Where per-user caches go by the OS's convention: %LOCALAPPDATA% on Windows, ~/Library/Caches on macOS,
    /// $XDG_CACHE_HOME (when absolute, as the XDG spec asks) else ~/.cache elsewhere.
    /// </summary>
    public string UserCacheRoot => Os switch
    {
        HostOs.Windows => LocalAppData,
        HostOs.MacOS => Path.Combine(Home, "Library", "Caches"),
        _ => Setting("XDG_CACHE_HOME") is { } xdg && Path.IsPathRooted(xdg) ? xdg : Path.Combine(Home, ".cache"),
    };

    /// <summary>The separator of path lists such as PATH and JUPYTER_PATH: ';' on Windows, ':' elsewhere.</summary>
    public char PathListSeparator => Os == HostOs.Windows ? ';' : ':';

    /// <summary>What a person types in a checkout to run the kit: <c>rnnkit.cmd</c> on Windows, <c>./rnnkit</c> elsewhere.</summary>
    public string KitCommand => Os == HostOs.Windows ? "rnnkit.cmd" : "./rnnkit";
}
