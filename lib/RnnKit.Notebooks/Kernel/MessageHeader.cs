using System.Globalization;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Kernel;

/// <summary>The header every Jupyter message carries (messaging protocol 5.3, "General message format").</summary>
public sealed record MessageHeader(string MsgId, string Session, string Username, string Date, string MsgType, string Version)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>A fresh header for a message this kernel sends in <paramref name="session"/>.</summary>
    public static MessageHeader New(string msgType, string session, string username) => new(
        Guid.NewGuid().ToString("N"),
        session,
        username,
        DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        msgType,
        ProtocolVersion);

    public JsonObject ToJson() => new()
    {
        ["msg_id"] = MsgId,
        ["session"] = Session,
        ["username"] = Username,
        ["date"] = Date,
        ["msg_type"] = MsgType,
        ["version"] = Version,
    };

    /// <summary>Reads a received header; fields a client left out become empty strings, msg_type is required.</summary>
    /// <exception cref="FormatException">No msg_type.</exception>
    public static MessageHeader FromJson(JsonObject json)
    {
        var type = Field(json, "msg_type");
        if (type.Length == 0) throw new FormatException("header has no msg_type");
        return new MessageHeader(Field(json, "msg_id"), Field(json, "session"), Field(json, "username"),
            Field(json, "date"), type, Field(json, "version"));
    }

    private static string Field(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
