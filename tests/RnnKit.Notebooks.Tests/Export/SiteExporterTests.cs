using System.Text.RegularExpressions;
using RnnKit.Notebooks.Export;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

public partial class SiteExporterTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_index_lesson_pages_assets_and_marker()
    {
        var site = await FixtureSite.SiteAsync();
        Assert.Equal(["index.html", "01-first.html", "02-second.html"], site.Pages);
        foreach (var file in new[] { "assets/site.css", "assets/site.js", KatexAssets.Script, KatexAssets.Stylesheet, PlotlyAssets.Script, SiteExporter.MarkerFile })
            Assert.True(File.Exists(Path.Combine(site.Folder, file)), $"{file} is missing");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(site.Folder, KatexAssets.SiteFolder, "fonts"), "*.woff2"));
        Assert.True(SiteExporter.IsSite(site.Folder));
        Assert.Equal(2, site.Charts);
    }

    [Fact]
    public async Task Index_renders_the_syllabus_and_lists_lessons_by_title()
    {
        var index = await FixtureSite.PageAsync("index.html");
        Assert.Contains("<h1 id=\"fixture-course\">Fixture course</h1>", index);
        Assert.Contains("<a href=\"01-first.html\">lesson one</a>", index);
        Assert.Contains("<li><a href=\"01-first.html\">Lesson one: sequences</a></li>", index);
        Assert.Contains("<li><a href=\"02-second.html\">Lesson two: charts</a></li>", index);
        Assert.Contains("<span class=\"math\">\\(h_t\\)</span>", index);
    }

    [Fact]
    public async Task Lessons_link_to_previous_and_next()
    {
        var first = await FixtureSite.PageAsync("01-first.html");
        var second = await FixtureSite.PageAsync("02-second.html");
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"02-second.html\">Lesson two: charts →</a>", first);
        Assert.Contains("<a class=\"prev\" rel=\"prev\" href=\"01-first.html\">← Lesson one: sequences</a>", second);
        Assert.DoesNotContain("rel=\"next\"", second);
        Assert.Contains("<a href=\"02-second.html#charts\">the second lesson</a>", first);
        Assert.Contains("<a href=\"https://pytorch.org/docs/stable/nn.html\">PyTorch</a>", first);
    }

    [Fact]
    public async Task Math_is_marked_up_for_KaTeX_and_counted()
    {
        var site = await FixtureSite.SiteAsync();
        var first = await FixtureSite.PageAsync("01-first.html");
        Assert.Contains("<span class=\"math\">\\(a^{\\langle t \\rangle}\\)</span>", first);
        Assert.Matches(@"<div class=""math"">\s*\\\[\s*a\^\{\\langle t \\rangle\} = \\tanh", first);
        Assert.Contains("<script defer src=\"assets/katex/katex.min.js\"></script>", first);
        // 1 in the syllabus, 7 in lesson one, 3 in lesson two (markdown cell, text/latex, text/markdown outputs)
        Assert.Equal(11, site.Formulas);
    }

    [Fact]
    public async Task Code_is_highlighted_and_plotly_loaded_only_where_charts_are()
    {
        var first = await FixtureSite.PageAsync("01-first.html");
        Assert.Contains("<span class=\"pre\">#r &quot;nuget: MathNet.Numerics&quot;</span>", first);
        Assert.Contains("<span class=\"kw\">var</span> rng = <span class=\"kw\">new</span> <span class=\"typ\">Random</span>(<span class=\"num\">42</span>)", first);
        Assert.Contains("<span class=\"com\">// the setup cell</span>", first);
        Assert.DoesNotContain("plotly.min.js", first);
        Assert.Contains("<script defer src=\"assets/plotly/plotly.min.js\"></script>", await FixtureSite.PageAsync("02-second.html"));
    }

    [Fact]
    public async Task Every_output_kind_is_rendered_in_place()
    {
        var first = await FixtureSite.PageAsync("01-first.html");
        Assert.Contains("<div class=\"output stream stdout\"><pre>hello RnnKit, 0.0015\n</pre></div>", first); // two writes merged
        Assert.Contains("<div class=\"output stream stderr\"><pre>epoch 3\n</pre></div>", first); // \r progress resolved
        Assert.Contains("<span class=\"prompt out\">Out[2]:</span><div class=\"html\"><div class=\"dni-plaintext\"><pre>0.5</pre></div></div>", first);
        Assert.Contains("<img alt=\"output image\" src=\"data:image/png;base64,iVBORw0KGgo", first);
        Assert.Contains("<div class=\"output error\"><pre><span class=\"ename\">System.InvalidOperationException: shapes (3, 2) and (4, 2) differ</span>", first);
        Assert.DoesNotContain("\u001b", first);

        var second = await FixtureSite.PageAsync("02-second.html");
        Assert.Contains("<div class=\"plotly-chart\" id=\"chart-1\"></div><script type=\"application/json\" class=\"plotly-spec\" data-chart=\"chart-1\">", second);
        Assert.DoesNotContain("loss </script>", second); // a trace name cannot end the spec's script element
        Assert.Contains("id=\"chart-2\"", second);
        Assert.DoesNotContain("cdn.plot.ly", second); // the chart's text/html fallback is not chosen
        Assert.Contains("<div class=\"math\">\\[\\sigma(z) = \\frac{1}{1 + e^{-z}}\\]</div>", second);
        Assert.Contains("<strong>bold</strong> and <span class=\"math\">\\(\\beta_1\\)</span>", second);
        Assert.Contains("<div class=\"svg\"><svg xmlns=\"http://www.w3.org/2000/svg\"", second);
        Assert.Contains("<code class=\"language-fsharp\">let x = 1</code>", second);
    }

    [Fact]
    public async Task No_page_or_stylesheet_loads_anything_from_the_network()
    {
        var site = await FixtureSite.SiteAsync();
        var files = Directory.EnumerateFiles(site.Folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, Cancel);
            foreach (Match m in NetworkReference().Matches(text))
                Assert.Fail($"{file}: loads {m.Value} from the network");
        }
    }

    /// <summary>A src= of any element, an href= of anything but a link (&lt;a&gt;), or a CSS url(), pointing at http(s).</summary>
    [GeneratedRegex("""(<(?!a\s)[a-z]+[^>]*\s(src|href)\s*=\s*["']?\s*(https?:)?//[^"'\s>]*)|(url\(\s*["']?\s*(https?:)?//[^)]*\))""", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkReference();

    [Fact]
    public void Network_reference_scan_catches_scripts_styles_and_fonts_but_not_links()
    {
        Assert.Matches(NetworkReference(), "<script src=\"https://cdn.plot.ly/plotly.js\"></script>");
        Assert.Matches(NetworkReference(), "<link rel=\"stylesheet\" href=\"//fonts.example/x.css\">");
        Assert.Matches(NetworkReference(), "@font-face { src: url(https://fonts.example/a.woff2) }");
        Assert.DoesNotMatch(NetworkReference(), "<a href=\"https://pytorch.org\">PyTorch</a>");
        Assert.DoesNotMatch(NetworkReference(), "<script src=\"assets/site.js\"></script>");
    }

    [Fact]
    public async Task Two_lessons_with_one_page_name_are_refused_naming_both()
    {
        var a = Notebook.Load(FixtureSite.Lesson("01-first.ipynb"));
        var b = Notebook.Load(FixtureSite.Lesson("01-first.ipynb"));
        b.Path = "elsewhere/01-first.executed.ipynb";
        var e = await Assert.ThrowsAsync<SiteExportException>(() => SiteExporter.ExportAsync([a, b], Repo.TempFolder(), cancel: Cancel));
        Assert.Contains("01-first.ipynb and elsewhere/01-first.executed.ipynb would both become 01-first.html", e.Message);
    }

    [Fact]
    public async Task A_broken_chart_spec_names_the_notebook_cell_and_output()
    {
        var nb = Notebook.Load(FixtureSite.Lesson("02-second.ipynb"));
        nb.Cells[1].Outputs[0] = new DisplayOutput(new Dictionary<string, string> { [MimeTypes.PlotlyJson] = "{\"layout\": {}}" });
        var e = await Assert.ThrowsAsync<SiteExportException>(() => SiteExporter.ExportAsync([nb], Repo.TempFolder(), cancel: Cancel));
        Assert.Contains("02-second.ipynb: cell 2: output 1: application/vnd.plotly.v1+json must be an object with a 'data' list", e.Message);
    }

    [Fact]
    public async Task Missing_KaTeX_without_network_is_a_clear_error()
    {
        var offline = new AssetSource { CacheFolder = Repo.TempFolder("rnnkit-empty-cache"), Registry = "http://127.0.0.1:9", DownloadTimeout = TimeSpan.FromSeconds(10) };
        var nb = Notebook.Load(FixtureSite.Lesson("01-first.ipynb"));
        var e = await Assert.ThrowsAsync<SiteExportException>(() =>
            SiteExporter.ExportAsync([nb], Repo.TempFolder(), new SiteOptions { Assets = offline }, Cancel));
        Assert.Contains("katex 0.19.1 is needed by the site and is not in the cache", e.Message);
        Assert.Contains("http://127.0.0.1:9/katex/-/katex-0.19.1.tgz", e.Message);
    }

    [Fact]
    public async Task A_cached_tarball_with_the_wrong_hash_is_not_used()
    {
        var cache = Repo.TempFolder("rnnkit-bad-cache");
        Directory.CreateDirectory(Path.Combine(cache, "npm"));
        await File.WriteAllTextAsync(Path.Combine(cache, "npm", KatexAssets.Package.Id + ".tgz"), "not katex", Cancel);
        var offline = new AssetSource { CacheFolder = cache, Registry = "http://127.0.0.1:9", DownloadTimeout = TimeSpan.FromSeconds(10) };
        var e = await Assert.ThrowsAsync<SiteExportException>(() => KatexAssets.Package.EnsureExtractedAsync(offline, Cancel));
        Assert.Contains("is not in the cache", e.Message);
    }
}
