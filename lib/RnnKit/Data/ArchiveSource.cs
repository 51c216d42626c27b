using System.Text.Json.Serialization;

namespace RnnKit.Data;

/// <summary>The two kinds of package a dataset can be taken from.</summary>
public enum ArchiveKind
{
    /// <summary>A Debian binary package: an ar container whose <c>data.tar.xz</c> (or .zst, .gz, plain) holds the files.</summary>
    Deb,

    /// <summary>An npm package tarball: a gzip-compressed tar whose files sit under <c>package/</c>.</summary>
    NpmTarball,
}

/// <summary>
/// A manifest's <c>"archive"</c>: the package a dataset's file (or folder) is extracted from when it is not on this
/// machine — a Debian .deb by its pool path, or an npm package by name and version — pinned by the package's
/// SHA-256 and size, and the member to take. A <see cref="Member"/> ending in '/' is a folder: every file under it.
/// </summary>
public sealed record ArchiveSource
{
    /// <summary>Path of the .deb under a Debian mirror, as <c>apt-cache show</c>'s Filename: <c>pool/main/f/fortune-zh/fortunes-zh_2.98_all.deb</c>.</summary>
    [JsonPropertyName("debian")] public string? Debian { get; init; }

    /// <summary>An npm package name, plain (<c>hanzi-writer-data</c>) or scoped (<c>@fontsource/noto-sans-sc</c>).</summary>
    [JsonPropertyName("npm")] public string? Npm { get; init; }

    /// <summary>The npm package's exact version (npm only).</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }

    /// <summary>Lower-case hex SHA-256 of the whole package file (the .deb or the .tgz).</summary>
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }

    /// <summary>The package file's size in bytes.</summary>
    [JsonPropertyName("size")] public required long Size { get; init; }

    /// <summary>
    /// The member's path inside the package's tar, without a leading "./": <c>usr/share/games/fortunes/tang300</c>,
    /// <c>package/dist/x.json</c>; ending in '/' for a folder (<c>package/data/</c>).
    /// </summary>
    [JsonPropertyName("member")] public required string Member { get; init; }

    public ArchiveKind Kind => Debian is not null ? ArchiveKind.Deb : ArchiveKind.NpmTarball;

    /// <summary>True when the member is a folder and the dataset is every file under it.</summary>
    public bool IsFolder => Member.EndsWith('/');

    /// <summary>The package's file name: <c>fortunes-zh_2.98_all.deb</c>, <c>noto-sans-sc-5.2.5.tgz</c>.</summary>
    public string FileName => Kind == ArchiveKind.Deb ? Debian!.Split('/')[^1] : NpmPackage.TarballName(Npm!, Version!);

    /// <summary>For people: "Debian fortunes-zh_2.98_all.deb", "npm hanzi-writer-data@2.0.1".</summary>
    public string Description => Kind == ArchiveKind.Deb ? $"Debian {FileName}" : $"npm {Npm}@{Version}";

    /// <summary>Where to download the package from, under the mirror or registry that <paramref name="options"/> name.</summary>
    public string Url(DatasetHubOptions options) => Kind == ArchiveKind.Deb
        ? $"{options.DebianMirror.TrimEnd('/')}/{Debian}"
        : $"{options.NpmRegistry.TrimEnd('/')}/{NpmPackage.TarballPath(Npm!, Version!)}";

    /// <summary>Checks the fields; <paramref name="where"/> names the manifest in messages.</summary>
    internal void Validate(string where)
    {
        if ((Debian is null) == (Npm is null))
            throw new DatasetException($"{where}: field 'archive' needs exactly one of 'debian' (a pool path) or 'npm' (a package name)");
        if (Debian is not null && (!Debian.StartsWith("pool/", StringComparison.Ordinal) || !Debian.EndsWith(".deb", StringComparison.Ordinal) || Debian.Contains("..")))
            throw new DatasetException($"{where}: field 'archive.debian' must be a pool path such as pool/main/f/fortune-zh/fortunes-zh_2.98_all.deb, got '{Debian}'");
        if (Npm is not null)
            NpmPackage.Validate(Npm, Version, $"{where}: field 'archive'");
        if (Debian is not null && Version is not null)
            throw new DatasetException($"{where}: field 'archive.version' is for npm packages; a .deb's version is in its pool path");
        Hashing.RequireSha256(Sha256, $"{where}: field 'archive.sha256'");
        if (Size <= 0)
            throw new DatasetException($"{where}: field 'archive.size' must be > 0, got {Size}");
        var parts = Member.TrimEnd('/').Split('/');
        if (Member.Length == 0 || Member.StartsWith('/') || Member.StartsWith("./", StringComparison.Ordinal) || parts.Any(p => p is "" or "." or ".."))
            throw new DatasetException($"{where}: field 'archive.member' must be a relative path inside the package (no leading './' or '/', no '..'), got '{Member}'");
    }
}
