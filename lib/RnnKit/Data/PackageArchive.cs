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
        Walk(archive, kind, name, (path, entry) =>
        {
            foreach (var w in wanted)
                if (Take(w, path, entry, name))
                    found.Add(w);
        });
        var missing = wanted.Where(w => !found.Contains(w)).Select(w => w.Member).ToList();
        if (missing.Count > 0)
            throw new DatasetException($"{name} has no member {string.Join(", ", missing.Select(m => $"'{m}'"))}");
    }

    /// <summary>
    /// Reads, in one pass and without writing anything, every plain-file member whose path (without a leading "./")
    /// <paramref name="wants"/> accepts: for a reader that takes a package as it is, such as a teacher's own copy of
    /// an npm tarball.
    /// </summary>
    /// <param name="archive">The package file.</param>
    /// <param name="kind">A .deb or an npm tarball.</param>
    /// <param name="wants">Which member paths to read.</param>
    /// <param name="read">Called with each such member's path and content; what it throws passes through unchanged.</param>
    /// <param name="name">The package's name in messages; by default the file name.</param>
    /// <exception cref="DatasetException">The package is damaged or truncated.</exception>
    public static void Read(string archive, ArchiveKind kind, Func<string, bool> wants, Action<string, Stream> read, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(wants);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            Walk(archive, kind, name ?? Path.GetFileName(archive), (path, entry) =>
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)
                    || entry.DataStream is not { } data || !wants(path))
                    return;
                var content = new MemoryStream();
                data.CopyTo(content);   // inside the walk: a decompression error here is the package's damage
                content.Position = 0;
                try
                {
                    read(path, content);
                }
                catch (Exception e)
                {
                    throw new ReaderFailure(e);
                }
            });
        }
        catch (ReaderFailure failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure.InnerException!).Throw();
        }
    }

    /// <summary>Carries what a <see cref="Read"/> callback threw past the walk's "damaged package" handler.</summary>
    private sealed class ReaderFailure(Exception inner) : Exception(inner.Message, inner);

    /// <summary>
    /// Visits every entry of the package's tar with its path (without "./"). A failure to read the package, also
    /// while <paramref name="visit"/> reads an entry's data, becomes a <see cref="DatasetException"/> naming it.
    /// </summary>
    private static void Walk(string archive, ArchiveKind kind, string name, Action<string, TarEntry> visit)
    {
        try
        {
            using var file = File.OpenRead(archive);
            using var tarStream = OpenTar(file, kind, name);
            using var reader = new TarReader(tarStream);
            while (reader.GetNextEntry() is { } entry)
                visit(entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name, entry);
        }
        catch (Exception e) when (e is not (DatasetException or ReaderFailure))
        {
            throw new DatasetException($"{name} is damaged or truncated and cannot be unpacked ({e.GetType().Name}: {e.Message})", e);
        }
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
