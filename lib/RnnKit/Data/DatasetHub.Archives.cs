namespace RnnKit.Data;

public sealed partial class DatasetHub
{
    /// <summary>
    /// Gets a dataset whose manifest names an <see cref="ArchiveSource"/>: downloads the package (checked against its
    /// SHA-256 and size), takes out the member of this dataset and of every other missing dataset from the same
    /// package (tang300 and song100 share one .deb), checks each against its own manifest, and only then moves them
    /// into the cache. The package itself is not kept, and on any failure nothing new is left in the cache.
    /// </summary>
    private void FetchFromArchive(DatasetManifest manifest, TextWriter? progress)
    {
        var archive = manifest.Archive!;
        var batch = Manifests()
            .Where(m => m.Name != manifest.Name && m.Archive is { } a && a.Sha256 == archive.Sha256 && a.Kind == archive.Kind
                        && Status(m).Location == DatasetLocation.Missing)
            .Prepend(manifest)
            .ToList();
        Directory.CreateDirectory(Options.Cache);
        var id = Guid.NewGuid().ToString("N");
        var package = Path.Combine(Options.Cache, $".{archive.FileName}.{id}");
        var staged = batch.Select(m => (Manifest: m, Temporary: Path.Combine(Options.Cache, $".{m.File}.{id}.part"))).ToList();
        try
        {
            Downloader.Download(archive.Url(Options), package, archive.Sha256, archive.Size, Options.DownloadTimeout, progress,
                $"{manifest.Name} ({archive.FileName})");
            PackageArchive.Extract(package, archive.Kind,
                staged.Select(s => new PackageArchive.Extraction(s.Manifest.Archive!.Member, s.Temporary)).ToList(), archive.FileName);
            foreach (var (m, temporary) in staged)
                if (Mismatch(m, temporary) is { } wrong)
                    throw new DatasetException($"dataset '{m.Name}': the member '{m.Archive!.Member}' of {archive.FileName} has {wrong.Found} " +
                                               $"but the manifest expects {wrong.Expected}; nothing was kept");
            foreach (var (m, temporary) in staged)
            {
                Place(temporary, Path.Combine(Options.Cache, m.File), m.IsFolder);
                progress?.WriteLine($"{m.Name}: {m.Archive!.Member} from {archive.Description}, verified, in {Options.Cache}");
            }
        }
        finally
        {
            Remove(package);
            foreach (var (_, temporary) in staged)
                Remove(temporary);
        }
    }

    /// <summary>Moves a verified file or folder into the cache; one another process placed first is kept instead.</summary>
    private static void Place(string temporary, string destination, bool folder)
    {
        try
        {
            if (folder)
                Directory.Move(temporary, destination);
            else
                File.Move(temporary, destination, overwrite: true);
        }
        catch (IOException) when (folder ? Directory.Exists(destination) : File.Exists(destination))
        {
            // Another run (a second notebook, a parallel test) fetched the same data a moment earlier; the hub
            // verifies whatever it finds there before use, so theirs serves, and ours is removed by the caller.
        }
    }

    private static void Remove(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        else if (File.Exists(path))
            File.Delete(path);
    }
}
