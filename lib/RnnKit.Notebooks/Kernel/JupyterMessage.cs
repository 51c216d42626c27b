using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// One Jupyter message as it travels: the ZeroMQ routing identities, the four signed JSON parts and any binary
/// buffers.
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    MessageHeader Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    public string MsgType => Header.MsgType;

    /// <summary>The header exactly as the sender wrote it (replies echo it as their parent_header); null for ours.</summary>
    public JsonObject? ReceivedHeader { get; init; }

    /// <summary>The HMAC signature it arrived with, lowercase hex ("" for ours and when signing is off).</summary>
    public string Signature { get; init; } = "";

    /// <summary>The header JSON that a reply to this message carries as its parent_header.</summary>
    public JsonObject HeaderJson => (JsonObject)(ReceivedHeader?.DeepClone() ?? Header.ToJson());

    /// <summary>
    /// A message the kernel (session <paramref name="session"/>) sends in answer to, or on behalf of,
    /// <paramref name="parent"/>: the parent's header as parent_header, routed to the parent's identities unless
    /// others are given (iopub messages are routed by topic instead).
    /// </summary>
    public static JupyterMessage ReplyTo(JupyterMessage parent, KernelSession session, string msgType, JsonObject content,
        IReadOnlyList<byte[]>? identities = null) => new(
        identities ?? parent.Identities,
        MessageHeader.New(msgType, session.Id, session.Username),
        parent.HeaderJson,
        [],
        content,
        []);
}

/// <summary>Who the kernel is on the wire: its session id (fresh per process) and user name.</summary>
public sealed record KernelSession(string Id, string Username)
{
    public static KernelSession New() => new(Guid.NewGuid().ToString("N"), "rnnkit");
}
