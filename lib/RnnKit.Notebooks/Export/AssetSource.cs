namespace RnnKit.Notebooks.Export;

/// <summary>Where the site's third-party assets come from: an npm registry, through a local cache.</summary>
public sealed record AssetSource
{
    /// <summary>Downloaded tarballs and their extracted files; ignored by git, shared by every build.</summary>
    public string CacheFolder { get; init; } = DefaultCacheFolder();

    /// <summary>The npm registry the tarballs are fetched from (only when not cached).</summary>
    public string Registry { get; init; } = Environment.GetEnvironmentVariable("RNNKIT_NPM_REGISTRY") ?? "https://registry.npmjs.org";

    /// <summary>How long one download may take.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public static AssetSource Default { get; } = new();

    /// <summary>$RNNKIT_CACHE, else $XDG_CACHE_HOME/rnnkit, else ~/.cache/rnnkit.</summary>
    private static string DefaultCacheFolder()
    {
        var explicitFolder = Environment.GetEnvironmentVariable("RNNKIT_CACHE");
        if (!string.IsNullOrEmpty(explicitFolder)) return explicitFolder;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "rnnkit");
    }
}
