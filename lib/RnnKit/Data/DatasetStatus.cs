namespace RnnKit.Data;

/// <summary>Where a dataset's file was found, in the order the hub looks.</summary>
public enum DatasetLocation
{
    /// <summary>In the datasets folder itself (committed or placed by hand).</summary>
    Folder,

    /// <summary>In the download cache.</summary>
    Cache,

    /// <summary>Installed by a system package (e.g. /usr/share/games/fortunes/tang300).</summary>
    System,

    /// <summary>Not on this machine.</summary>
    Missing,
}

/// <summary>
/// One dataset as the hub sees it now. <see cref="Path"/> is the file found (null when missing);
/// <see cref="Problem"/> says why a file that was found cannot be used (wrong size or SHA-256).
/// </summary>
public sealed record DatasetStatus(DatasetManifest Manifest, DatasetLocation Location, string? Path, string? Problem)
{
    /// <summary>Found and verified.</summary>
    public bool Available => Path is not null && Problem is null;
}
