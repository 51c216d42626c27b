namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// Cursor positions: Jupyter (protocol ≥ 5.2) counts Unicode code points, .NET strings count UTF-16 units; they
/// differ after any character outside the Basic Multilingual Plane (an emoji in a comment, say).
/// </summary>
internal static class CodePoints
{
    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/>, clamped to the text.</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        var index = 0;
        for (var seen = 0; seen < codePoint && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    /// <summary>The number of code points in the first <paramref name="utf16Index"/> UTF-16 units.</summary>
    public static int FromUtf16(string text, int utf16Index)
    {
        var count = 0;
        for (var i = 0; i < utf16Index && i < text.Length; i++)
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
                count++;
        return count;
    }
}
