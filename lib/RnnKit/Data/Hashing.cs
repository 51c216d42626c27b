using System.Security.Cryptography;
using System.Text;

namespace RnnKit.Data;

/// <summary>SHA-256 as the manifests write it: lower-case hex; for a folder, the digest of its file list (<see cref="Sha256OfFolder"/>).</summary>
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

    /// <summary>
    /// A folder's digest and total size: the SHA-256 of the lines <c>HASH␠␠RELATIVE/PATH\n</c> of every file under
    /// it, sorted by the UTF-8 bytes of the path ('/' between folders) — exactly what
    /// <c>cd DIR &amp;&amp; find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum</c> prints.
    /// </summary>
    public static (string Sha256, long Size, int Files) Sha256OfFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => Encoding.UTF8.GetBytes(f.Relative), Utf8Order.Instance)
            .ToList();
        var listing = new StringBuilder();
        long size = 0;
        foreach (var (full, relative) in files)
        {
            listing.Append(Sha256OfFile(full)).Append("  ").Append(relative).Append('\n');
            size += new FileInfo(full).Length;
        }
        return (Sha256Of(Encoding.UTF8.GetBytes(listing.ToString())), size, files.Count);
    }

    /// <summary>Throws unless <paramref name="value"/> is 64 lower-case hex digits; <paramref name="where"/> names the field.</summary>
    public static void RequireSha256(string value, string where)
    {
        if (value.Length != Sha256HexLength || !value.All(Uri.IsHexDigit) || value != value.ToLowerInvariant())
            throw new DatasetException($"{where} must be {Sha256HexLength} lower-case hex digits, got '{value}'");
    }

    /// <summary>Byte-wise order, as LC_ALL=C sort.</summary>
    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(byte[]? x, byte[]? y) => ((ReadOnlySpan<byte>)x).SequenceCompareTo(y);
    }
}
