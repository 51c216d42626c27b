using System.Text.Json;
using System.Text.Json.Serialization;

namespace RnnKit.Data.Tasks;

/// <summary>One file written by the task writer: which task, how many examples, its size and SHA-256.</summary>
public sealed record GeneratedFile(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("examples")] int Examples,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256);

/// <summary>
/// <c>MANIFEST.json</c> of a generated-data folder: the seed and every file with its SHA-256, so anyone can check
/// that their copy is the one the kit generates (<c>sha256sum -c</c> style, but as JSON).
/// </summary>
public sealed record GeneratedManifest(
    [property: JsonPropertyName("generator")] string Generator,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("files")] IReadOnlyList<GeneratedFile> Files)
{
    public const string FileName = "MANIFEST.json";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads <c>MANIFEST.json</c> in <paramref name="folder"/>, or null when there is none.</summary>
    /// <exception cref="DatasetException">The file is not a valid manifest; the message names it.</exception>
    public static GeneratedManifest? TryLoad(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<GeneratedManifest>(System.IO.File.ReadAllText(path), Json)
                ?? throw new DatasetException($"{path}: holds null, not a generated-data manifest");
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{path}: not a valid generated-data manifest: {e.Message}", e);
        }
    }
}
