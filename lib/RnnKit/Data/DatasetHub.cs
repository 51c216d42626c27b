namespace RnnKit.Data;

/// <summary>
/// The kit's data hub: reads the manifests in the datasets folder and finds each dataset's file, in order, in the
/// datasets folder, the per-user cache, the paths a system package installs (unless
/// <see cref="DatasetHubOptions.UseSystemPaths"/> is off), and finally by an HTTPS download into the cache — of the
/// file itself, or of the package it is extracted from (DatasetHub.Archives.cs). Every file is checked against the
/// manifest's size and SHA-256 before it is used.
/// </summary>
public sealed partial class DatasetHub(DatasetHubOptions options)
{
    public DatasetHubOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The hub over the kit's own <c>datasets/</c> folder.</summary>
    public static DatasetHub ForKit() => new(DatasetHubOptions.ForKit());

    /// <summary>Every manifest in the datasets folder, by name.</summary>
    public IReadOnlyList<DatasetManifest> Manifests()
    {
        if (!Directory.Exists(Options.DatasetsFolder))
            throw new DatasetException($"the datasets folder {Options.DatasetsFolder} does not exist");
        return Directory.EnumerateFiles(Options.DatasetsFolder, "*" + DatasetManifest.FileSuffix)
            .Select(DatasetManifest.Load)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The manifest of <paramref name="name"/>.</summary>
    /// <exception cref="DatasetException">No such dataset; the message lists the known ones.</exception>
    public DatasetManifest Manifest(string name)
    {
        var manifests = Manifests();
        return manifests.FirstOrDefault(m => m.Name == name)
            ?? throw new DatasetException($"unknown dataset '{name}'; known: {string.Join(", ", manifests.Select(m => m.Name))} (manifests in {Options.DatasetsFolder})");
    }

    /// <summary>Where <paramref name="name"/> is now and whether its file checks out; never downloads.</summary>
    public DatasetStatus Status(string name) => Status(Manifest(name));

    public DatasetStatus Status(DatasetManifest manifest)
    {
        foreach (var (location, path) in Candidates(manifest))
            if (manifest.IsFolder ? Directory.Exists(path) : File.Exists(path))
                return new DatasetStatus(manifest, location, path, Verify(manifest, path));
        return new DatasetStatus(manifest, DatasetLocation.Missing, null, null);
    }

    /// <summary>
    /// The path of <paramref name="name"/>'s verified file, downloading it into the cache first if it is nowhere
    /// on this machine and the manifest has a URL.
    /// </summary>
    /// <param name="name">The dataset's name, e.g. "tang300".</param>
    /// <param name="progress">Where to draw the download's progress bar (stderr), or null.</param>
    /// <exception cref="DatasetException">Missing with no URL (the message says how to get it), wrong hash, failed download.</exception>
    public string Resolve(string name, TextWriter? progress = null)
    {
        var status = Status(name);
        var manifest = status.Manifest;
        if (status.Problem is not null)
            throw new DatasetException($"dataset '{name}': {status.Problem}");
        if (status.Path is not null)
            return status.Path;
        var looked = string.Join(", ", Candidates(manifest).Select(c => c.Path));
        if (!manifest.CanDownload)
            throw new DatasetException($"dataset '{name}' is not on this machine (looked in {looked}); to get it: {manifest.HowToGet}");
        var destination = Path.Combine(Options.Cache, manifest.File);
        try
        {
            if (manifest.Url is not null)
                Downloader.Download(manifest.Url, destination, manifest.Sha256, manifest.Size, Options.DownloadTimeout, progress, name);
            else
                FetchFromArchive(manifest, progress);
        }
        catch (DatasetException e)
        {
            throw new DatasetException($"{e.Message}. To get it another way: {manifest.HowToGet}", e);
        }
        return destination;
    }

    /// <summary>The text of <paramref name="name"/>'s file (UTF-8), resolved as <see cref="Resolve"/> does.</summary>
    public string ReadText(string name, TextWriter? progress = null) => File.ReadAllText(Resolve(name, progress));

    private IEnumerable<(DatasetLocation Location, string Path)> Candidates(DatasetManifest manifest)
    {
        yield return (DatasetLocation.Folder, Path.Combine(Options.DatasetsFolder, manifest.File));
        yield return (DatasetLocation.Cache, Path.Combine(Options.Cache, manifest.File));
        if (Options.UseSystemPaths)
            foreach (var p in manifest.SystemPaths)
                yield return (DatasetLocation.System, p);
    }

    /// <summary>Null when <paramref name="path"/> has the manifest's size and SHA-256, else what is wrong and what to do.</summary>
    private static string? Verify(DatasetManifest manifest, string path) => Mismatch(manifest, path) is { } m
        ? $"{path} has {m.Found} but the manifest expects {m.Expected}; {(manifest.IsFolder ? "a file is missing, changed or extra" : "the file is corrupt or a different version")}. " +
          $"Remove it and get the data again ({manifest.HowToGet})"
        : null;

    /// <summary>Null when <paramref name="path"/> (a file, or a folder for a folder dataset) matches the manifest.</summary>
    private static (string Found, string Expected)? Mismatch(DatasetManifest manifest, string path)
    {
        if (manifest.IsFolder)
        {
            var (digest, total, files) = Hashing.Sha256OfFolder(path);
            return digest == manifest.Sha256 && total == manifest.Size
                ? null
                : ($"{files} files, {total} bytes, folder digest {digest}", $"{manifest.Size} bytes, folder digest {manifest.Sha256}");
        }
        var size = new FileInfo(path).Length;
        if (size != manifest.Size)
            return ($"{size} bytes", $"{manifest.Size} bytes");
        var sha = Hashing.Sha256OfFile(path);
        return sha == manifest.Sha256 ? null : ($"SHA-256 {sha}", $"SHA-256 {manifest.Sha256}");
    }
}
