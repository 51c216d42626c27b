using RnnKit.Platform;

namespace RnnKit.Data;

/// <summary>
/// Where a <see cref="DatasetHub"/> looks and downloads from. <see cref="ForKit"/> reads the environment
/// (<see cref="FromEnvironment"/>); tests point every setting at a temporary folder and a loopback server.
/// </summary>
public sealed record DatasetHubOptions
{
    /// <summary>Set to 1 to ignore the paths where system packages install data (a Debian machine then behaves like any other).</summary>
    public const string NoSystemDataVariable = "RNNKIT_NO_SYSTEM_DATA";

    /// <summary>Another Debian mirror (the folder holding <c>pool/</c>), e.g. a loopback test server.</summary>
    public const string DebianMirrorVariable = "RNNKIT_DEBIAN_MIRROR";

    /// <summary>Another npm registry, e.g. a loopback test server.</summary>
    public const string NpmRegistryVariable = "RNNKIT_NPM_REGISTRY";

    public const string DefaultDebianMirror = "https://deb.debian.org/debian";
    public const string DefaultNpmRegistry = "https://registry.npmjs.org";

    /// <summary>Holds the <c>NAME.dataset.json</c> manifests, hand-placed data files and <c>generated/</c>.</summary>
    public required string DatasetsFolder { get; init; }

    /// <summary>Where downloads are kept; null means the per-user cache of <see cref="Host"/> (<see cref="UserCache"/>).</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Look in the manifests' <c>system_paths</c> (e.g. Debian's installed fortunes-zh); off in the CI run that proves the download path.</summary>
    public bool UseSystemPaths { get; init; } = true;

    /// <summary>Base URL of the Debian archive that manifests' <c>"debian"</c> pool paths are relative to.</summary>
    public string DebianMirror { get; init; } = DefaultDebianMirror;

    /// <summary>Base URL of the npm registry that manifests' <c>"npm"</c> packages are fetched from.</summary>
    public string NpmRegistry { get; init; } = DefaultNpmRegistry;

    /// <summary>The machine whose conventions give the cache folder and the commands shown in messages.</summary>
    public HostSystem Host { get; init; } = HostSystem.Current;

    /// <summary>Limit for one whole download; generous, because a slow line is not an error.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The cache folder in effect.</summary>
    public string Cache => CacheFolder ?? UserCache.Datasets(Host);

    /// <summary>The folder that <c>rnnkit datasets generate</c> writes by default.</summary>
    public string GeneratedFolder => Path.Combine(DatasetsFolder, "generated");

    /// <summary>The kit's own datasets folder (see <see cref="KitFolders.Datasets"/>), with the environment's settings.</summary>
    public static DatasetHubOptions ForKit() => FromEnvironment(KitFolders.Datasets(), HostSystem.Current);

    /// <summary>
    /// Options for <paramref name="datasetsFolder"/> with the settings <paramref name="host"/>'s environment gives:
    /// <c>RNNKIT_CACHE</c>, <c>RNNKIT_NO_SYSTEM_DATA</c>, <c>RNNKIT_DEBIAN_MIRROR</c>, <c>RNNKIT_NPM_REGISTRY</c>.
    /// </summary>
    public static DatasetHubOptions FromEnvironment(string datasetsFolder, HostSystem host) => new()
    {
        DatasetsFolder = datasetsFolder,
        Host = host,
        UseSystemPaths = !host.IsOn(NoSystemDataVariable),
        DebianMirror = host.Setting(DebianMirrorVariable) ?? DefaultDebianMirror,
        NpmRegistry = host.Setting(NpmRegistryVariable) ?? DefaultNpmRegistry,
    };
}
