using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Kernel;

/// <summary>Small JSON helpers for message content: reading fields with defaults, writing MIME bundles.</summary>
internal static class KernelJson
{
    /// <summary>Compact, and without escaping '&lt;' or non-ASCII text (HTML outputs stay readable on the wire).</summary>
    public static readonly JsonSerializerOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string String(JsonObject content, string field, string fallback = "") =>
        content[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : fallback;

    public static bool Bool(JsonObject content, string field, bool fallback) =>
        content[field] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;

    public static int Int(JsonObject content, string field, int fallback) =>
        content[field] is JsonValue v && v.TryGetValue<int>(out var i) ? i : fallback;

    /// <summary>A MIME bundle as Jupyter sends it: JSON types (application/json, *+json) as objects, the rest as text.</summary>
    public static JsonObject MimeBundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data)
            bundle[mime] = NotebookReader.IsJsonMime(mime) ? ParseOrString(value) : JsonValue.Create(value);
        return bundle;
    }

    private static JsonNode? ParseOrString(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }
}
