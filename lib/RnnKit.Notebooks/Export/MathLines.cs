using System.Text;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// Joins the lines of a formula that a writer wrapped inside a paragraph — <c>$a +\n b$</c> or
/// <c>$$x = \frac{1}{2}\n + y$$</c> — into one line before Markdig parses the Markdown. Jupyter and VS Code accept
/// such formulas, but Markdig's math parser stops at the line break and leaves the formula as raw text (with its
/// braces then read as attributes). A line break inside TeX is only a space, so joining changes nothing else.
/// Fenced code, inline code and escaped dollars are left alone; a display formula whose <c>$$</c> ends its line is
/// already a block and is not touched; a formula never continues past a blank line.
/// </summary>
internal static class MathLines
{
    public static string Join(string markdown)
    {
        if (!markdown.Contains('$')) return markdown;
        var text = markdown.Replace("\r\n", "\n");
        var output = new StringBuilder(text.Length);
        var i = 0;
        var lineStart = true;
        string? fence = null;
        while (i < text.Length)
        {
            if (lineStart && IsFence(text, i, out var marker))
            {
                fence = fence is null ? marker : (marker.StartsWith(fence, StringComparison.Ordinal) ? null : fence);
                i = CopyLine(text, i, output);
                continue;
            }
            if (fence is not null)
            {
                i = CopyLine(text, i, output);
                continue;
            }
            var c = text[i];
            lineStart = c == '\n';
            if (c == '\\' && i + 1 < text.Length)
            {
                output.Append(c).Append(text[i + 1]);
                i += 2;
            }
            else if (c == '`')
            {
                i = CopyInlineCode(text, i, output);
            }
            else if (c == '$')
            {
                i = CopyFormula(text, i, output);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
        return output.ToString();
    }

    private static bool IsFence(string text, int i, out string marker)
    {
        var j = i;
        while (j < text.Length && j - i < 3 && text[j] == ' ') j++;
        var k = j;
        while (k < text.Length && (text[k] == '`' || text[k] == '~') && text[k] == text[j]) k++;
        marker = text[j..k];
        return k - j >= 3;
    }

    private static int CopyLine(string text, int i, StringBuilder output)
    {
        var end = text.IndexOf('\n', i);
        end = end < 0 ? text.Length : end + 1;
        output.Append(text, i, end - i);
        return end;
    }

    private static int CopyInlineCode(string text, int i, StringBuilder output)
    {
        var run = 1;
        while (i + run < text.Length && text[i + run] == '`') run++;
        var ticks = new string('`', run);
        var close = text.IndexOf(ticks, i + run, StringComparison.Ordinal);
        var end = close < 0 || text.IndexOf("\n\n", i, close - i, StringComparison.Ordinal) >= 0 ? i + run : close + run;
        output.Append(text, i, end - i);
        return end;
    }

    /// <summary>Copies the formula that opens at <paramref name="i"/> with its line breaks made spaces.</summary>
    private static int CopyFormula(string text, int i, StringBuilder output)
    {
        var display = i + 1 < text.Length && text[i + 1] == '$';
        var delimiter = display ? "$$" : "$";
        var bodyStart = i + delimiter.Length;
        var opensBlock = display && RestOfLineIsBlank(text, bodyStart);
        var opensInline = bodyStart < text.Length && !char.IsWhiteSpace(text[bodyStart]);
        var close = opensBlock || !(display || opensInline) ? -1 : FindClose(text, bodyStart, delimiter);
        if (close < 0)
        {
            output.Append(delimiter);
            return bodyStart;
        }
        var body = text[bodyStart..close];
        output.Append(delimiter);
        if (body.Contains('\n'))
        {
            var lines = body.Split('\n');
            output.Append(lines[0].TrimEnd());
            foreach (var line in lines.Skip(1))
                output.Append(' ').Append(line.Trim());
        }
        else
        {
            output.Append(body);
        }
        output.Append(delimiter);
        return close + delimiter.Length;
    }

    private static bool RestOfLineIsBlank(string text, int i)
    {
        for (; i < text.Length && text[i] != '\n'; i++)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    /// <summary>The closing delimiter before the paragraph ends (a blank line), or -1.</summary>
    private static int FindClose(string text, int from, string delimiter)
    {
        for (var j = from; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '\\') { j++; continue; }
            if (c == '\n' && IsBlankLineAfter(text, j)) return -1;
            if (c != '$') continue;
            if (delimiter == "$$")
            {
                if (j + 1 < text.Length && text[j + 1] == '$') return j;
                continue;
            }
            if (j + 1 < text.Length && text[j + 1] == '$') return -1;   // "$$" inside "$…": not ours to guess
            return char.IsWhiteSpace(text[j - 1]) ? -1 : j;
        }
        return -1;
    }

    private static bool IsBlankLineAfter(string text, int newline)
    {
        for (var k = newline + 1; k < text.Length && text[k] != '\n'; k++)
            if (!char.IsWhiteSpace(text[k])) return false;
        return true;
    }
}
