using System.Globalization;
using System.Text;

namespace RnnKit.Data;

/// <summary>
/// Reads the Unix ar container of a .deb: the 8-byte magic <c>!&lt;arch&gt;\n</c>, then members, each a 60-byte
/// header (name 16, mtime 12, uid 6, gid 6, mode 8, size 10 as decimal text, then <c>`\n</c>) followed by the data,
/// padded to an even length. GNU ar may end a name with '/'.
/// </summary>
public static class ArContainer
{
    private const string Magic = "!<arch>\n";
    private const int HeaderSize = 60;
    private const int NameLength = 16;
    private const int SizeOffset = 48;
    private const int SizeLength = 10;
    private const string HeaderEnd = "`\n";

    /// <summary>
    /// Moves <paramref name="stream"/> to the data of the first member whose name <paramref name="wanted"/> accepts
    /// and returns its name and length; <paramref name="archive"/> names the file in messages.
    /// </summary>
    /// <exception cref="DatasetException">Not an ar file, a damaged header, a member cut short, or no such member.</exception>
    public static (string Name, long Length) Seek(Stream stream, Func<string, bool> wanted, string archive)
    {
        var magic = ReadExactly(stream, Magic.Length);
        if (magic is null || Encoding.ASCII.GetString(magic) != Magic)
            throw new DatasetException($"{archive} is not a Debian package: it does not start with the ar signature '!<arch>'");
        var seen = new List<string>();
        while (ReadExactly(stream, HeaderSize) is { } header)
        {
            var text = Encoding.ASCII.GetString(header);
            if (text[^HeaderEnd.Length..] != HeaderEnd
                || !long.TryParse(text.AsSpan(SizeOffset, SizeLength).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                throw new DatasetException($"{archive} is damaged: the ar header at byte {stream.Position - HeaderSize} is not valid");
            var name = text[..NameLength].TrimEnd().TrimEnd('/');
            if (stream.Position + length > stream.Length)
                throw new DatasetException($"{archive} is truncated: its member '{name}' needs {length} bytes but the file ends {stream.Length - stream.Position} bytes later");
            if (wanted(name))
                return (name, length);
            seen.Add(name);
            stream.Seek(length + length % 2, SeekOrigin.Current);
        }
        throw new DatasetException($"{archive} has no data member (members: {string.Join(", ", seen)})");
    }

    private static byte[]? ReadExactly(Stream stream, int count)
    {
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return read == count ? buffer : null;
    }
}
