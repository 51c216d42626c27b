using System.Net;
using System.Text.RegularExpressions;

namespace RnnKit.Notebooks.Export;

/// <summary>Small HTML helpers shared by the page writers.</summary>
internal static partial class Html
{
    /// <summary>Text safe inside an element or a double-quoted attribute.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// JSON placed inside <c>&lt;script type="application/json"&gt;</c>. In JSON '&lt;' can only occur inside
    /// strings, where <c>\u003c</c> means the same, so escaping it keeps the value and the text can never close the
    /// script element (&lt;/script&gt;) or open a comment.
    /// </summary>
    public static string ScriptSafeJson(string json) => json.Replace("<", "\\u003c");

    /// <summary>Terminal colour codes (ESC [ … m) as stack traces and progress output may carry.</summary>
    public static string StripAnsi(string text) => AnsiEscape().Replace(text, "");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
