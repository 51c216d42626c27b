using System.Text.Json;
using System.Text.Json.Serialization;

namespace RnnKit.Data;

/// <summary>
/// What the kit knows about one dataset, read from <c>datasets/NAME.dataset.json</c> (the format: docs/datasets.md).
/// The file is looked for, in order, as <c>datasets/File</c>, <c>CACHE/File</c> (the per-user cache), each of
/// <see cref="SystemPaths"/>, and finally downloaded: from <see cref="Url"/>, or extracted from the package that
/// <see cref="Archive"/> names. Whichever copy is used must have <see cref="Sha256"/> and <see cref="Size"/>; a
/// folder dataset (an archive member ending in '/') is checked by <see cref="Hashing.Sha256OfFolder"/>.
/// </summary>
public sealed record DatasetManifest
{
    /// <summary>The suffix of manifest files in the datasets folder.</summary>
    public const string FileSuffix = ".dataset.json";

    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("licence")] public required string Licence { get; init; }

    /// <summary>Where the data comes from, for people: e.g. "Debian package fortunes-zh".</summary>
    [JsonPropertyName("source")] public required string Source { get; init; }

    /// <summary>The file (or, for a folder dataset, folder) name used in <c>datasets/</c> and in the cache.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes (of a folder: <see cref="Hashing.Sha256OfFolder"/>).</summary>
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }

    /// <summary>The file's size in bytes (of a folder: the total of its files).</summary>
    [JsonPropertyName("size")] public required long Size { get; init; }

    /// <summary>How the data is parsed: "fortune" (a fortunes-zh poem collection), "json" or "text".</summary>
    [JsonPropertyName("format")] public string Format { get; init; } = "text";

    /// <summary>Absolute paths where a system package installs the file (e.g. Debian's fortunes-zh).</summary>
    [JsonPropertyName("system_paths")] public IReadOnlyList<string> SystemPaths { get; init; } = [];

    /// <summary>An HTTPS address to download the file itself from; null when it comes from a package.</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }

    /// <summary>The package (a .deb or an npm tarball) the file is extracted from when it is not on this machine.</summary>
    [JsonPropertyName("archive")] public ArchiveSource? Archive { get; init; }

    /// <summary>The hub can fetch the data itself (a URL or an archive).</summary>
    public bool CanDownload => Url is not null || Archive is not null;

    /// <summary>The data is a folder of files (an archive member ending in '/'), not one file.</summary>
    public bool IsFolder => Archive?.IsFolder ?? false;

    /// <summary>The formats a manifest may name.</summary>
    public static readonly IReadOnlyList<string> Formats = ["text", "fortune", "json"];

    /// <summary>What a person does to get the data, shown when it is missing (e.g. "sudo apt-get install fortunes-zh").</summary>
    [JsonPropertyName("how_to_get")] public required string HowToGet { get; init; }

    private static readonly JsonSerializerOptions Json = new() { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Reads and checks one manifest file.</summary>
    /// <exception cref="DatasetException">Bad JSON, a missing or bad field; the message names the file and field.</exception>
    public static DatasetManifest Load(string path)
    {
        DatasetManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<DatasetManifest>(System.IO.File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{path}: not a valid dataset manifest: {e.Message}", e);
        }
        if (manifest is null)
            throw new DatasetException($"{path}: not a valid dataset manifest: the file holds null");
        manifest.Validate(path);
        return manifest;
    }

    private void Validate(string path)
    {
        var expectedName = Path.GetFileName(path)[..^FileSuffix.Length];
        if (Name != expectedName)
            throw new DatasetException($"{path}: field 'name' is '{Name}' but the file name says '{expectedName}'");
        if (File.Length == 0 || File != Path.GetFileName(File))
            throw new DatasetException($"{path}: field 'file' must be a plain file name, got '{File}'");
        Hashing.RequireSha256(Sha256, $"{path}: field 'sha256'");
        if (Size < 0)
            throw new DatasetException($"{path}: field 'size' must be ≥ 0, got {Size}");
        if (!Formats.Contains(Format))
            throw new DatasetException($"{path}: field 'format' must be one of {string.Join(", ", Formats.Select(f => $"\"{f}\""))}, got '{Format}'");
        if (SystemPaths.Any(p => !Path.IsPathRooted(p)))
            throw new DatasetException($"{path}: field 'system_paths' must hold absolute paths");
        if (Url is not null)
            Downloader.RequireSecure(Url, $"{path}: field 'url'");
        if (Url is not null && Archive is not null)
            throw new DatasetException($"{path}: give either 'url' (the file itself) or 'archive' (a package holding it), not both");
        Archive?.Validate(path);
    }
}
