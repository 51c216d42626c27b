using System.Globalization;
using System.Text;

namespace RnnKit;

/// <summary>
/// Text in columns as a fixed-width display counts them: a Chinese character (or any East Asian wide or full-width
/// one, "（", "：") takes two columns, a combining mark none. C#'s alignment (<c>{name,-10}</c>) counts characters, so a
/// table with Chinese in it printed ragged; <c>{Monospace.Align(name, -10)}</c> lines it up the same way.
/// </summary>
public static class Monospace
{
    /// <summary>The columns <paramref name="text"/> takes.</summary>
    public static int Width(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes()) width += Width(rune);
        return width;
    }

    /// <summary><paramref name="text"/> padded with spaces to |<paramref name="alignment"/>| columns, as C#'s
    /// <c>{text,alignment}</c> pads to characters: right-aligned when positive, left-aligned when negative, unchanged
    /// when it is already as wide.</summary>
    public static string Align(string text, int alignment)
    {
        var spaces = new string(' ', Math.Max(0, Math.Abs(alignment) - Width(text)));
        return alignment < 0 ? text + spaces : spaces + text;
    }

    private static int Width(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) return 0;
        return IsWide(rune.Value) ? 2 : 1;
    }

    /// <summary>Unicode's East Asian Wide and Fullwidth blocks (UAX #11): Hangul Jamo, CJK radicals to Yi (but the
    /// half-width U+303F), Hangul syllables, CJK compatibility ideographs, vertical and small forms, the full-width
    /// forms, and the supplementary ideographic planes.</summary>
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F
        or >= 0x2E80 and <= 0xA4CF and not 0x303F
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE10 and <= 0xFE19
        or >= 0xFE30 and <= 0xFE6F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x20000 and <= 0x3FFFD;
}
