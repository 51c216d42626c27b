namespace RnnKit.Data;

/// <summary>
/// The kit's data hub: reads the manifests in the datasets folder and finds each dataset's file, in order, in the
/// datasets folder, the cache, the paths a system package installs, and finally by an HTTPS download into the
/// cache. Every file is checked against the manifest's size and SHA-256 before it is used.
/// </summary>
public sealed class DatasetHub(DatasetHubOptions options)
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
            if (File.Exists(path))
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
        if (manifest.Url is null)
            throw new DatasetException($"dataset '{name}' is not on this machine (looked in {looked}); to get it: {manifest.HowToGet}");
        var destination = Path.Combine(Options.Cache, manifest.File);
        try
        {
            Downloader.Download(manifest.Url, destination, manifest.Sha256, manifest.Size, Options.DownloadTimeout, progress, name);
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
        foreach (var p in manifest.SystemPaths)
            yield return (DatasetLocation.System, p);
    }

    /// <summary>Null when <paramref name="path"/> has the manifest's size and SHA-256, else what is wrong and what to do.</summary>
    private static string? Verify(DatasetManifest manifest, string path)
    {
        var size = new FileInfo(path).Length;
        var sha = size == manifest.Size ? Hashing.Sha256OfFile(path) : null;
        if (size == manifest.Size && sha == manifest.Sha256)
            return null;
        var found = sha is null ? $"{size} bytes" : $"SHA-256 {sha}";
        var expected = sha is null ? $"{manifest.Size} bytes" : $"SHA-256 {manifest.Sha256}";
        return $"{path} has {found} but the manifest expects {expected}; the file is corrupt or a different version. " +
               $"Remove it and get the data again ({manifest.HowToGet})";
    }
}
