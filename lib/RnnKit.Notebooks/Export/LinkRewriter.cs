using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// Rewrites the URLs of Markdown so they work in the site: a relative link to a lesson's .ipynb goes to its page
/// (keeping any #fragment), and <c>attachment:NAME</c> images of a cell become data URIs.
/// </summary>
internal sealed class LinkRewriter(IReadOnlyDictionary<string, string> pageOfNotebook)
{
    private const string AttachmentScheme = "attachment:";

    /// <param name="lessons">The site's lessons; "02-rnn.ipynb" and "02-rnn.executed.ipynb" both map to "02-rnn.html".
    /// A link to an edition the site lacks goes to the lesson's other edition: a Chinese lesson's link to
    /// "03-bptt.zh.ipynb" goes to "03-bptt.html" while lesson 03 has no Chinese twin.</param>
    public static LinkRewriter For(IReadOnlyList<SiteLesson> lessons)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var lesson in lessons)
        {
            map[lesson.Stem + ".ipynb"] = lesson.PageName;
            if (lesson.Notebook.Path is { } path) map[Path.GetFileName(path)] = lesson.PageName;
        }
        foreach (var lesson in lessons)
        foreach (var language in SiteLanguage.All)
            map.TryAdd(lesson.Id + language.Suffix + ".ipynb", lesson.PageName);
        return new LinkRewriter(map);
    }

    /// <summary>The rewriting function for one cell (its attachments may be null).</summary>
    public Func<string, string> ForCell(JsonObject? attachments) => url => Rewrite(url, attachments);

    public string Rewrite(string url, JsonObject? attachments = null)
    {
        if (url.StartsWith(AttachmentScheme, StringComparison.Ordinal))
            return AttachmentUri(url[AttachmentScheme.Length..], attachments) ?? url;
        if (url.Contains("://", StringComparison.Ordinal) || url.StartsWith('#') || url.StartsWith('/')) return url;

        var hash = url.IndexOf('#');
        var (target, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        var name = target.Split('/', '\\')[^1];
        return pageOfNotebook.TryGetValue(Uri.UnescapeDataString(name), out var page) ? page + fragment : url;
    }

    /// <summary>nbformat attachments: {"name.png": {"image/png": "BASE64"}}.</summary>
    private static string? AttachmentUri(string name, JsonObject? attachments)
    {
        if (attachments?[Uri.UnescapeDataString(name)] is not JsonObject bundle) return null;
        foreach (var (mime, value) in bundle)
            if (mime.StartsWith("image/", StringComparison.Ordinal) && value is JsonValue data)
                return $"data:{mime};base64,{data.GetValue<string>().Replace("\n", "")}";
        return null;
    }
}
