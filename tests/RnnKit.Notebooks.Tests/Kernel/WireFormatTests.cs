using System.Text;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

public class WireFormatTests
{
    private static JupyterMessage Sample() => new(
        ["client-1"u8.ToArray()],
        MessageHeader.New("execute_request", "s1", "ada"),
        new JsonObject { ["msg_id"] = "p1" },
        [],
        new JsonObject { ["code"] = "var 循环 = \"<b>\";" },
        ["\0\u0001"u8.ToArray()]);

    [Fact]
    public void Frames_are_identities_delimiter_signature_four_json_parts_then_buffers()
    {
        var frames = WireFormat.Encode(Sample(), new MessageSigner("key"));
        Assert.Equal(8, frames.Count);
        Assert.Equal("client-1", Encoding.UTF8.GetString(frames[0]));
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[1]));
        Assert.Matches("^[0-9a-f]{64}$", Encoding.ASCII.GetString(frames[2]));
        Assert.Equal("execute_request", JsonNode.Parse(frames[3])!["msg_type"]!.GetValue<string>());
        Assert.Equal("5.3", JsonNode.Parse(frames[3])!["version"]!.GetValue<string>());
        Assert.Contains("循环", Encoding.UTF8.GetString(frames[6]));
    }

    [Fact]
    public void Signature_is_the_hmac_sha256_hex_of_the_four_parts_as_jupyter_computes_it()
    {
        // Python: hmac.new(b"secret", b"{}{}{}{}" with each part in order, hashlib.sha256).hexdigest()
        var parts = new[] { "{\"a\":1}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{\"b\":2}"u8.ToArray() };
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("secret"u8, Encoding.ASCII.GetBytes("{\"a\":1}{}{}{\"b\":2}")));
        Assert.Equal(expected, new MessageSigner("secret").Sign(parts));
        Assert.Equal("", new MessageSigner("").Sign(parts));
    }

    [Fact]
    public void Decode_round_trips_and_keeps_the_senders_header()
    {
        var signer = new MessageSigner("key");
        var decoded = WireFormat.Decode(WireFormat.Encode(Sample(), signer), signer, out var error);
        Assert.Null(error);
        Assert.NotNull(decoded);
        Assert.Equal("execute_request", decoded.MsgType);
        Assert.Equal("client-1", Encoding.UTF8.GetString(Assert.Single(decoded.Identities)));
        Assert.Equal("var 循环 = \"<b>\";", KernelJson.String(decoded.Content, "code"));
        Assert.Equal("p1", KernelJson.String(decoded.ParentHeader, "msg_id"));
        Assert.Single(decoded.Buffers);
        Assert.Equal(decoded.Header.MsgId, KernelJson.String(decoded.HeaderJson, "msg_id"));
    }

    [Theory]
    [InlineData("other-key")]
    [InlineData("")]
    public void A_wrong_or_missing_signature_is_rejected(string senderKey)
    {
        var frames = WireFormat.Encode(Sample(), new MessageSigner(senderKey));
        Assert.Null(WireFormat.Decode(frames, new MessageSigner("key"), out var error));
        Assert.Contains("bad signature", error);
    }

    [Fact]
    public void A_tampered_content_frame_is_rejected()
    {
        var signer = new MessageSigner("key");
        var frames = WireFormat.Encode(Sample(), signer);
        frames[6] = "{\"code\":\"File.Delete(\\\"x\\\")\"}"u8.ToArray();
        Assert.Null(WireFormat.Decode(frames, signer, out var error));
        Assert.Contains("bad signature", error);
    }

    [Fact]
    public void Malformed_frames_are_rejected_with_the_reason()
    {
        var signer = new MessageSigner("");
        Assert.Null(WireFormat.Decode(["x"u8.ToArray()], signer, out var noDelimiter));
        Assert.Contains("<IDS|MSG>", noDelimiter);
        Assert.Null(WireFormat.Decode(["<IDS|MSG>"u8.ToArray(), ""u8.ToArray()], signer, out var tooFew));
        Assert.Contains("got 1 frames", tooFew);
        Assert.Null(WireFormat.Decode(["<IDS|MSG>"u8.ToArray(), ""u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "[]"u8.ToArray()], signer, out var noType));
        Assert.Contains("msg_type", noType);
        Assert.Null(WireFormat.Decode(["<IDS|MSG>"u8.ToArray(), ""u8.ToArray(), "{\"msg_type\":\"x\"}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "not json"u8.ToArray()], signer, out var badJson));
        Assert.Contains("content is not valid JSON", badJson);
    }
}
