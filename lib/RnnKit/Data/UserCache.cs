using RnnKit.Platform;

namespace RnnKit.Data;

/// <summary>
/// The per-user cache where downloaded datasets are kept, so a notebook run from any folder (or any checkout)
/// finds them: <c>%LOCALAPPDATA%\RnnKit\Cache</c> on Windows, <c>~/Library/Caches/RnnKit</c> on macOS,
/// <c>$XDG_CACHE_HOME/rnnkit</c> (by default <c>~/.cache/rnnkit</c>) on Linux; datasets go in its <c>datasets</c>
/// folder. <c>RNNKIT_CACHE</c> names another folder for the datasets (CI points it at an empty one).
/// </summary>
public static class UserCache
{
    /// <summary>Overrides the datasets' cache folder.</summary>
    public const string Variable = "RNNKIT_CACHE";

    /// <summary>The kit's per-user cache folder on <paramref name="host"/>.</summary>
    public static string Root(HostSystem host) => host.Os switch
    {
        HostOs.Windows => Path.Combine(host.UserCacheRoot, "RnnKit", "Cache"),
        HostOs.MacOS => Path.Combine(host.UserCacheRoot, "RnnKit"),
        _ => Path.Combine(host.UserCacheRoot, "rnnkit"),
    };

    /// <summary>Where downloaded datasets are kept on <paramref name="host"/>: <c>$RNNKIT_CACHE</c> if set, else ROOT/datasets.</summary>
    public static string Datasets(HostSystem host) => host.Setting(Variable) is { } folder
        ? Path.IsPathRooted(folder) ? folder : Path.GetFullPath(folder)
        : Path.Combine(Root(host), "datasets");
}
