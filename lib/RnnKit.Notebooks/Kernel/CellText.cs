namespace RnnKit.Notebooks.Kernel;

/// <summary>A cell's text prepared for Roslyn analysis (completion, inspection, is_complete).</summary>
internal static class CellText
{
    /// <summary>
    /// The cell with its magic lines (<c>#!time</c>, <c>#!csharp</c>…) blanked out, character for character, so
    /// Roslyn does not report them and every position still points at the same character.
    /// </summary>
    public static string ForAnalysis(string code)
    {
        var chars = code.ToCharArray();
        var lineStart = 0;
        while (lineStart < chars.Length)
        {
            var lineEnd = code.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = chars.Length;
            var first = lineStart;
            while (first < lineEnd && chars[first] is ' ' or '\t') first++;
            if (first + 1 < lineEnd && chars[first] == '#' && chars[first + 1] == '!')
                for (var i = first; i < lineEnd; i++)
                    if (chars[i] != '\r') chars[i] = ' ';
            lineStart = lineEnd + 1;
        }
        return new string(chars);
    }
}
