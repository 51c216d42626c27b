namespace RnnKit.Data;

/// <summary>Where a <see cref="DatasetHub"/> looks; tests point it at a temporary folder and a loopback server.</summary>
public sealed record DatasetHubOptions
{
    /// <summary>Holds the <c>NAME.dataset.json</c> manifests, hand-placed data files and <c>generated/</c>.</summary>
    public required string DatasetsFolder { get; init; }

    /// <summary>Where downloads are kept; null means <c>DatasetsFolder/cache</c> (ignored by git).</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Limit for one whole download; generous, because a slow line is not an error.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The cache folder in effect.</summary>
    public string Cache => CacheFolder ?? Path.Combine(DatasetsFolder, "cache");

    /// <summary>The folder that <c>rnnkit datasets generate</c> writes by default.</summary>
    public string GeneratedFolder => Path.Combine(DatasetsFolder, "generated");

    /// <summary>The kit's own datasets folder (see <see cref="KitFolders.Datasets"/>).</summary>
    public static DatasetHubOptions ForKit() => new() { DatasetsFolder = KitFolders.Datasets() };
}
