using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// One pinned npm package, fetched as its registry tarball, checked against the registry's integrity hash
/// (Subresource Integrity form, "sha512-BASE64") and extracted once into the cache with System.Formats.Tar.
/// </summary>
/// <param name="Name">The package name, plain ("katex") or scoped ("@fontsource/noto-sans-sc").</param>
/// <param name="Version">The exact version.</param>
/// <param name="Integrity">The registry's <c>dist.integrity</c> of that version.</param>
/// <param name="Keep">Which files of the package (paths below "package/") to extract; all when null. A large package
/// (a CJK font's 1,900 files) keeps only what the site uses.</param>
public sealed record NpmPackage(string Name, string Version, string Integrity, Func<string, bool>? Keep = null)
{
    private const string IntegrityPrefix = "sha512-";
    private const string TarballRoot = "package/";
    private const string CompleteMarker = ".extracted";

    /// <summary>The cache's name for this version: "katex-0.19.1", "fontsource-noto-sans-sc-5.3.0" (as npm pack names it).</summary>
    public string Id => $"{Name.TrimStart('@').Replace('/', '-')}-{Version}";

    /// <summary>Where the registry keeps the tarball (a scoped package's file name drops the scope).</summary>
    public string TarballUrl(string registry) => $"{registry.TrimEnd('/')}/{RnnKit.Data.NpmPackage.TarballPath(Name, Version)}";

    /// <summary>The folder holding the package's files (the tarball's "package/" contents), fetching if needed.</summary>
    /// <exception cref="SiteExportException">Not cached and not downloadable, or the download's hash is wrong.</exception>
    public async Task<string> EnsureExtractedAsync(AssetSource source, CancellationToken cancel = default)
    {
        var npmCache = Path.Combine(source.CacheFolder, "npm");
        var folder = Path.Combine(npmCache, Id);
        if (File.Exists(Path.Combine(folder, CompleteMarker))) return folder;

        var tarball = Path.Combine(npmCache, Id + ".tgz");
        var bytes = File.Exists(tarball) ? await File.ReadAllBytesAsync(tarball, cancel) : null;
        if (bytes is null || !Matches(bytes))
        {
            bytes = await DownloadAsync(source, cancel);
            if (!Matches(bytes))
                throw new SiteExportException(
                    $"{TarballUrl(source.Registry)}: the download does not match the pinned integrity {Integrity}; refusing to use it");
            Directory.CreateDirectory(npmCache);
            var staging = $"{tarball}.tmp-{Guid.NewGuid():N}";   // two builds downloading at once never mix their writes
            await File.WriteAllBytesAsync(staging, bytes, cancel);
            File.Move(staging, tarball, overwrite: true);
        }
        Extract(bytes, folder);
        return folder;
    }

    private bool Matches(byte[] bytes) =>
        Integrity.StartsWith(IntegrityPrefix, StringComparison.Ordinal)
        && Convert.ToBase64String(SHA512.HashData(bytes)) == Integrity[IntegrityPrefix.Length..];

    private async Task<byte[]> DownloadAsync(AssetSource source, CancellationToken cancel)
    {
        var url = TarballUrl(source.Registry);
        try
        {
            using var http = new HttpClient { Timeout = source.DownloadTimeout };
            return await http.GetByteArrayAsync(url, cancel);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            throw new SiteExportException(
                $"{Name} {Version} is needed by the site and is not in the cache ({Path.Combine(source.CacheFolder, "npm")}); " +
                $"downloading {url} failed: {e.Message}. Connect to the network once (the download is cached), " +
                $"or put the tarball there as {Id}.tgz (integrity {Integrity}).", e);
        }
    }

    /// <summary>Extracts into a fresh sibling folder and renames it, so a half-written folder is never used.</summary>
    private void Extract(byte[] tarball, string folder)
    {
        var staging = $"{folder}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        using (var gzip = new GZipStream(new MemoryStream(tarball), CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                if (!entry.Name.StartsWith(TarballRoot, StringComparison.Ordinal)) continue;
                var relative = entry.Name[TarballRoot.Length..];
                if (Keep is not null && !Keep(relative)) continue;
                var target = Path.GetFullPath(Path.Combine(staging, relative));
                if (!target.StartsWith(Path.GetFullPath(staging) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new SiteExportException($"{Id}.tgz: entry '{entry.Name}' points outside the package");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
            }
        }
        File.WriteAllText(Path.Combine(staging, CompleteMarker), Integrity);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(Path.Combine(folder, CompleteMarker)))
        {
            Directory.Delete(staging, recursive: true); // another process finished the same extraction first
        }
    }
}
