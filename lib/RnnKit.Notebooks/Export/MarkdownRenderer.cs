using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// Markdown to HTML with Markdig's advanced extensions and math. The pipeline is built once and shared; math is
/// written as Markdig's own markup (<c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c> inline,
/// <c>&lt;div class="math"&gt;\[…\]&lt;/div&gt;</c> display) for the site's script to typeset with KaTeX.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    /// <summary>
    /// The advanced extensions with GitHub's heading ids, and without generic attributes: their <c>{…}</c> syntax swallowed TeX braces such as
    /// <c>_{\text{keep}}</c> (the page showed <c>&lt;p keep=""&gt;</c> and the raw formula); lessons never need it.
    /// </summary>
    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseMathematics();
        builder.Extensions.RemoveAll(e => e is Markdig.Extensions.GenericAttributes.GenericAttributesExtension);
        // Headings' ids as GitHub makes them, which keeps every letter: the default keeps ASCII only, so every Chinese
        // heading got "section", "section-1" — the same ids in every cell of a page, and links that said nothing.
        builder.Extensions.ReplaceOrAdd<AutoIdentifierExtension>(new AutoIdentifierExtension(AutoIdentifierOptions.GitHub));
        return builder.Build();
    }

    /// <param name="markdown">The Markdown text.</param>
    /// <param name="rewriteLink">Maps every link and image URL (e.g. lesson.ipynb → lesson.html); null keeps them.</param>
    public static string ToHtml(string markdown, Func<string, string>? rewriteLink = null)
    {
        var document = Markdown.Parse(MathLines.Join(markdown), Pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        if (rewriteLink is not null) renderer.LinkRewriter = rewriteLink;
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
