using System.Security.Cryptography;
using System.Text;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// HMAC-SHA256 signatures of Jupyter messages: the lowercase hex digest over header, parent_header, metadata and
/// content, in that order. With an empty key Jupyter disables signing: the signature is "" and not checked.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool IsEnabled => _key.Length > 0;

    /// <summary>The signature of the four JSON parts (UTF-8 bytes as sent).</summary>
    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!IsEnabled) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts) hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="signature"/> signs the parts; compared in constant time.</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (!IsEnabled) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
