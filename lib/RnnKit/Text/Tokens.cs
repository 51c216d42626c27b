using System.Globalization;

namespace RnnKit.Text;

/// <summary>
/// Splits text into tokens. Characters are user-perceived characters (Unicode text elements), never UTF-16
/// <see cref="char"/>s: a CJK character outside the Basic Multilingual Plane (e.g. 𠀀) or a letter with a combining
/// accent is one token, as a reader would count it.
/// </summary>
public static class Tokens
{
    /// <summary>Every text element of <paramref name="text"/>, in order ("床前明月光" → 床, 前, 明, 月, 光).</summary>
    public static IReadOnlyList<string> Characters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>(text.Length);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
            tokens.Add(elements.GetTextElement());
        return tokens;
    }

    /// <summary>Words separated by white space; with <paramref name="lowercase"/> they are lower-cased (invariant).</summary>
    public static IReadOnlyList<string> Words(string text, bool lowercase = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return lowercase ? words.Select(w => w.ToLowerInvariant()).ToArray() : words;
    }
}
