using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The Jupyter wire format (messaging protocol, "The Wire Protocol"): routing identities, the delimiter
/// <c>&lt;IDS|MSG&gt;</c>, the HMAC signature, header, parent_header, metadata, content, then binary buffers.
/// </summary>
public static class WireFormat
{
    public const string Delimiter = "<IDS|MSG>";

    private static readonly byte[] DelimiterBytes = Encoding.ASCII.GetBytes(Delimiter);

    /// <summary>Signature, header, parent_header, metadata and content follow the delimiter.</summary>
    private const int SignedFrameCount = 5;

    /// <summary>The frames of <paramref name="message"/>, signed with <paramref name="signer"/>.</summary>
    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        byte[][] parts =
        [
            Json(message.Header.ToJson()),
            Json(message.ParentHeader),
            Json(message.Metadata),
            Json(message.Content),
        ];
        var frames = new List<byte[]>(message.Identities.Count + SignedFrameCount + message.Buffers.Count + 1);
        frames.AddRange(message.Identities);
        frames.Add(DelimiterBytes);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>
    /// Reads the frames of one received message. Returns null and says why in <paramref name="error"/> when the
    /// frames are malformed or the signature does not match (such a message must be dropped, never run).
    /// </summary>
    public static JupyterMessage? Decode(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? error)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(DelimiterBytes)) { delimiter = i; break; }
        if (delimiter < 0)
        {
            error = $"no {Delimiter} delimiter among {frames.Count} frames";
            return null;
        }
        if (frames.Count - delimiter - 1 < SignedFrameCount)
        {
            error = $"expected signature, header, parent_header, metadata and content after {Delimiter}, got {frames.Count - delimiter - 1} frames";
            return null;
        }
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var parts = frames.Skip(delimiter + 2).Take(SignedFrameCount - 1).ToArray();
        if (!signer.Verify(signature, parts))
        {
            error = "bad signature (HMAC-SHA256 does not match the connection key)";
            return null;
        }
        try
        {
            var header = Object(parts[0], "header");
            var message = new JupyterMessage(
                frames.Take(delimiter).ToArray(),
                MessageHeader.FromJson(header),
                Object(parts[1], "parent_header"),
                Object(parts[2], "metadata"),
                Object(parts[3], "content"),
                frames.Skip(delimiter + SignedFrameCount + 1).ToArray())
            {
                ReceivedHeader = header,
                Signature = signature.ToLowerInvariant(),
            };
            error = null;
            return message;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static byte[] Json(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString(KernelJson.WireOptions));

    private static JsonObject Object(byte[] utf8, string part)
    {
        try
        {
            return JsonNode.Parse(utf8) as JsonObject ?? throw new FormatException($"{part} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{part} is not valid JSON: {e.Message}");
        }
    }
}
