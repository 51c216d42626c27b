using System.Security.Cryptography;

namespace RnnKit.Data;

/// <summary>SHA-256 as the manifests write it: lower-case hex.</summary>
public static class Hashing
{
    /// <summary>64: two hex digits per byte of a SHA-256 digest.</summary>
    public const int Sha256HexLength = 2 * SHA256.HashSizeInBytes;

    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
