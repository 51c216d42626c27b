using System.Text.Json;
using System.Text.Json.Serialization;

namespace RnnKit.Data;

/// <summary>
/// What the kit knows about one dataset, read from <c>datasets/NAME.dataset.json</c>. The file is looked for, in
/// order, as <c>datasets/File</c>, <c>datasets/cache/File</c>, each of <see cref="SystemPaths"/>, and finally
/// downloaded from <see cref="Url"/>; whichever copy is used must have <see cref="Sha256"/> and <see cref="Size"/>.
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

    /// <summary>The file name used in <c>datasets/</c> and in the cache.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }

    /// <summary>The file's size in bytes.</summary>
    [JsonPropertyName("size")] public required long Size { get; init; }

    /// <summary>How the data is parsed: "fortune" (a fortunes-zh poem collection) or "text".</summary>
    [JsonPropertyName("format")] public string Format { get; init; } = "text";

    /// <summary>Absolute paths where a system package installs the file (e.g. Debian's fortunes-zh).</summary>
    [JsonPropertyName("system_paths")] public IReadOnlyList<string> SystemPaths { get; init; } = [];

    /// <summary>An HTTPS address to download the file from; null when the data only comes from a package.</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }

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
        if (Sha256.Length != Hashing.Sha256HexLength || !Sha256.All(Uri.IsHexDigit) || Sha256 != Sha256.ToLowerInvariant())
            throw new DatasetException($"{path}: field 'sha256' must be {Hashing.Sha256HexLength} lower-case hex digits, got '{Sha256}'");
        if (Size < 0)
            throw new DatasetException($"{path}: field 'size' must be ≥ 0, got {Size}");
        if (Format is not ("text" or "fortune"))
            throw new DatasetException($"{path}: field 'format' must be \"text\" or \"fortune\", got '{Format}'");
        if (SystemPaths.Any(p => !Path.IsPathRooted(p)))
            throw new DatasetException($"{path}: field 'system_paths' must hold absolute paths");
        if (Url is not null)
            Downloader.RequireSecure(Url, $"{path}: field 'url'");
    }
}
