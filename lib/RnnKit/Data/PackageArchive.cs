using System.Formats.Tar;
using System.IO.Compression;
using SharpCompress.Compressors.Xz;

namespace RnnKit.Data;

/// <summary>
/// Takes members out of a package file — a .deb (ar container, then <c>data.tar.xz</c>, <c>.zst</c>, <c>.gz</c> or
/// plain <c>data.tar</c>) or an npm tarball (<c>.tgz</c>) — in one pass over its tar, without unpacking the rest.
/// xz and zstd come from SharpCompress (MIT); gzip and tar from .NET.
/// </summary>
public static class PackageArchive
{
    /// <summary>One thing to take out: a file member into a file, or a folder member (ending in '/') into a folder.</summary>
    /// <param name="Member">The path in the tar without a leading "./".</param>
    /// <param name="Destination">A path that must not exist yet; a folder's files go below it.</param>
    public sealed record Extraction(string Member, string Destination)
    {
        public bool IsFolder => Member.EndsWith('/');
    }

    /// <summary>Extracts every one of <paramref name="wanted"/> from the package at <paramref name="archive"/>.</summary>
    /// <param name="archive">The package file, already verified against its pin.</param>
    /// <param name="kind">A .deb or an npm tarball.</param>
    /// <param name="wanted">The members to take out, each to its own new path.</param>
    /// <param name="name">The package's name in messages (a download's temporary file has another); by default the file name.</param>
    /// <exception cref="DatasetException">The package is damaged or truncated, or a member is missing or not a plain file.</exception>
    public static void Extract(string archive, ArchiveKind kind, IReadOnlyList<Extraction> wanted, string? name = null)
    {
        name ??= Path.GetFileName(archive);
        var found = new HashSet<Extraction>();
        try
        {
            using var file = File.OpenRead(archive);
            using var tarStream = OpenTar(file, kind, name);
            using var reader = new TarReader(tarStream);
            while (reader.GetNextEntry() is { } entry)
            {
                var path = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                foreach (var w in wanted)
                    if (Take(w, path, entry, name))
                        found.Add(w);
            }
        }
        catch (Exception e) when (e is not DatasetException)
        {
            throw new DatasetException($"{name} is damaged or truncated and cannot be unpacked ({e.GetType().Name}: {e.Message})", e);
        }
        var missing = wanted.Where(w => !found.Contains(w)).Select(w => w.Member).ToList();
        if (missing.Count > 0)
            throw new DatasetException($"{name} has no member {string.Join(", ", missing.Select(m => $"'{m}'"))}");
    }

    /// <summary>Writes <paramref name="entry"/> if <paramref name="w"/> asks for it; true when it did.</summary>
    private static bool Take(Extraction w, string path, TarEntry entry, string archive)
    {
        string destination;
        if (w.IsFolder)
        {
            if (!path.StartsWith(w.Member, StringComparison.Ordinal) || entry.EntryType == TarEntryType.Directory)
                return false;
            var relative = path[w.Member.Length..].Split('/');
            if (relative.Any(p => p is "" or "." or ".."))
                throw new DatasetException($"{archive}: member '{path}' does not name a file inside '{w.Member}'");
            destination = Path.Combine([w.Destination, .. relative]);
        }
        else if (path == w.Member)
            destination = w.Destination;
        else
            return false;
        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            throw new DatasetException($"{archive}: member '{path}' is a {entry.EntryType}, not a plain file{(entry.LinkName is { Length: > 0 } target ? $" (it points to '{target}')" : "")}");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        entry.DataStream?.CopyTo(output);
        return true;
    }

    /// <summary>The decompressed tar stream of the package.</summary>
    private static Stream OpenTar(FileStream file, ArchiveKind kind, string archive)
    {
        if (kind == ArchiveKind.NpmTarball)
            return new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        var (member, _) = ArContainer.Seek(file, n => n.StartsWith("data.tar", StringComparison.Ordinal), archive);
        return member switch
        {
            "data.tar" => file,
            "data.tar.xz" => new XZStream(file),
            "data.tar.zst" => new SharpCompress.Compressors.ZStandard.DecompressionStream(file),
            "data.tar.gz" => new GZipStream(file, CompressionMode.Decompress, leaveOpen: true),
            _ => throw new DatasetException($"{archive}: its data member '{member}' uses a compression the kit does not read (xz, zst, gz or none)"),
        };
    }
}
