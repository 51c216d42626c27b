using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Formatting;

/// <summary>
/// A lesson's claim (<see cref="RnnKit.Claim"/>) as an output: <c>application/vnd.rnnkit.claim+json</c>
/// <c>{"text", "measured", "condition", "held", "trained"}</c> plus its <c>✓ …</c> line as text/plain, so any
/// Jupyter client shows the line while the site styles it and the run report lists it.
/// </summary>
public static class ClaimMime
{
    public const string Type = "application/vnd.rnnkit.claim+json";

    public static Dictionary<string, string> For(ClaimResult claim) => new(StringComparer.Ordinal)
    {
        [Type] = ToJson(claim).ToJsonString(),
        [MimeTypes.PlainText] = claim.ToString(),
    };

    /// <summary>The claim's fields as JSON, as this output and the run report write them.</summary>
    public static JsonObject ToJson(ClaimResult claim) => new()
    {
        ["text"] = claim.Text,
        ["measured"] = claim.Measured,
        ["condition"] = claim.Condition,
        ["held"] = claim.Held,
        ["trained"] = claim.Trained,
    };

    /// <summary>The claim in an output's data, or null when it has none (or it is not a claim object).</summary>
    public static ClaimResult? Read(IReadOnlyDictionary<string, string> data)
    {
        if (!data.TryGetValue(Type, out var json)) return null;
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o) return null;
            return new ClaimResult(
                (string?)o["text"] ?? "", (string?)o["measured"] ?? "", (string?)o["condition"] ?? "",
                (bool?)o["held"] ?? false, (bool?)o["trained"] ?? false);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
