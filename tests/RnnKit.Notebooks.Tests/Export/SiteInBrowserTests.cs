using RnnKit.Notebooks.Export;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

/// <summary>The exported site in a real browser: every formula typeset, every chart drawn, no script error, no request
/// leaving the machine.</summary>
public class SiteInBrowserTests
{
    [Fact]
    public async Task Every_page_typesets_its_math_and_draws_its_charts_offline()
    {
        var chromium = Interop.RequireProgram("chromium", "Chromium (Debian package chromium)");
        var site = await FixtureSite.SiteAsync();
        var control = await BrokenSiteAsync();
        var (chinese, withoutFont) = await ChineseSiteAsync();
        var bilingual = await FixtureSite.BilingualAsync();
        var editions = bilingual.Pages.Select(p => Path.Combine(bilingual.Folder, p)).ToList();
        var pages = site.Pages.Select(p => Path.Combine(site.Folder, p)).Concat([control, chinese, withoutFont]).Concat(editions).ToList();

        var statuses = SiteBrowser.Check(chromium, pages);

        foreach (var page in site.Pages.Select(p => Path.Combine(site.Folder, p)))
        {
            var s = statuses[page];
            var name = Path.GetFileName(page);
            Assert.True(s.Errors.Length == 0, $"{name}: script errors: {string.Join("; ", s.Errors)}");
            Assert.True(s.External.Length == 0, $"{name}: requests to the network: {string.Join(", ", s.External)}");
            Assert.True(s.Typeset == s.Formulas, $"{name}: {s.Typeset} of {s.Formulas} formulas typeset");
            Assert.True(s.KatexErrors == 0, $"{name}: {s.KatexErrors} formulas KaTeX could not parse");
            Assert.True(s.Drawn == s.Charts, $"{name}: {s.Drawn} of {s.Charts} charts drawn");
        }
        Assert.Equal(site.Formulas, site.Pages.Sum(p => statuses[Path.Combine(site.Folder, p)].Formulas));
        Assert.Equal(site.Charts, site.Pages.Sum(p => statuses[Path.Combine(site.Folder, p)].Charts));

        // The checks can fail: a formula KaTeX cannot parse, and a chart whose plotly.js is gone, are reported.
        var broken = statuses[control];
        Assert.Equal((1, 1, 1, 0), (broken.Formulas, broken.KatexErrors, broken.Charts, broken.Drawn));
        Assert.Contains(broken.Errors, e => e.StartsWith("failed to load") && e.EndsWith("plotly.min.js"));

        // Chinese reads as characters with the browser's CJK fonts hidden: the site's own font draws every one …
        var good = statuses[chinese];
        Assert.True(good.Cjk >= 20, $"the Chinese page reports {good.Cjk} distinct Chinese characters");
        Assert.True(good.MissingGlyphs.Length == 0, $"drawn as boxes: {string.Join("", good.MissingGlyphs)}");
        Assert.True(good.WebFontFaces > 0, "no face of the site's Noto Sans SC was loaded");
        Assert.Empty(good.Errors);
        // … the chart's Chinese title too, in the font family site.js gives charts, drawn by the web font itself …
        var title = Assert.Single(good.ChartTitles!);
        Assert.Equal("困惑度", title.Text);
        Assert.Contains("Noto Sans SC", title.Font);
        Assert.Equal(3, title.Cjk);
        Assert.True(title.MissingGlyphs.Length == 0 && title.NotWebFont.Length == 0,
            $"chart title: boxes {string.Join("", title.MissingGlyphs)}, not the web font's {string.Join("", title.NotWebFont)}");
        // … and the checks can fail: the same page without the font's stylesheet draws them all as boxes.
        var bad = statuses[withoutFont];
        Assert.Equal(good.Cjk, bad.MissingGlyphs.Length);
        Assert.Equal(3, Assert.Single(bad.ChartTitles!).MissingGlyphs.Length);

        // Both editions (issue #23): every page renders, Chinese pages in the web font; each language switch leads to
        // a page of the site whose switch leads back.
        var byUrl = editions.ToDictionary(p => new Uri(Path.GetFullPath(p)).AbsoluteUri, p => statuses[p]);
        foreach (var page in editions)
        {
            var s = statuses[page];
            var name = Path.GetFileName(page);
            var url = new Uri(Path.GetFullPath(page)).AbsoluteUri;
            Assert.True(s.Errors.Length == 0, $"{name}: script errors: {string.Join("; ", s.Errors)}");
            Assert.True(s.Typeset == s.Formulas && s.Drawn == s.Charts, $"{name}: {s.Typeset}/{s.Formulas} formulas, {s.Drawn}/{s.Charts} charts");
            Assert.Equal(name.Contains(".zh.") ? "zh-Hans" : "en", s.Lang);
            Assert.True(s.MissingGlyphs.Length == 0, $"{name}: drawn as boxes: {string.Join("", s.MissingGlyphs)}");
            foreach (var target in s.Switches!)
            {
                Assert.True(byUrl.TryGetValue(target, out var other), $"{name}: the language switch leads to {target}, not a page of the site");
                Assert.True(other.Switches!.Contains(url), $"{name} switches to {target}, which does not switch back");
                Assert.NotEqual(s.Lang, other.Lang);
            }
        }
        var zh = statuses[Path.Combine(bilingual.Folder, "02-second.zh.html")];
        Assert.Single(zh.Switches!);
        Assert.True(zh.WebFontFaces > 0 && zh.Cjk >= 20, $"02-second.zh.html: {zh.Cjk} Chinese characters, {zh.WebFontFaces} web-font faces");
        Assert.Equal(["训练损失", "门的取值"], zh.ChartTitles!.Select(t => t.Text));
        Assert.All(zh.ChartTitles!, t => Assert.True(t.MissingGlyphs.Length == 0 && t.NotWebFont.Length == 0 && t.Cjk > 0,
            $"chart title {t.Text} in {t.Font}: boxes {string.Join("", t.MissingGlyphs)}, not the web font's {string.Join("", t.NotWebFont)}"));
        Assert.Empty(statuses[Path.Combine(bilingual.Folder, "01-first.html")].Switches!);
    }

    /// <summary>
    /// A page of Chinese prose, a poem printed by a cell and a chart with a Chinese title; and a copy of the page
    /// without the link to the font's stylesheet.
    /// </summary>
    private static async Task<(string Page, string WithoutFont)> ChineseSiteAsync()
    {
        var nb = new Notebook { Path = "chinese.ipynb" };
        nb.Cells.Add(Cell.Markdown("# 循环神经网络\n\n循环神经网络（RNN）一次读一个字，把读过的内容记在隐藏状态里。"));
        var poem = Cell.Code("Console.WriteLine(poem);");
        poem.Outputs.Add(new StreamOutput("stdout", "床前明月光，疑是地上霜。\n"));
        poem.Outputs.Add(new DisplayOutput(new Dictionary<string, string>
            { [MimeTypes.PlotlyJson] = "{\"data\": [{\"y\": [1, 2]}], \"layout\": {\"title\": {\"text\": \"困惑度\"}}}" }));
        nb.Cells.Add(poem);
        var site = await SiteExporter.ExportAsync([nb], Repo.TempFolder("rnnkit-chinese"), cancel: TestContext.Current.CancellationToken);
        Assert.True(site.FontFiles > 0 && site.FontFiles < 20, $"{site.FontFiles} font files for {site.CjkCharacters} characters");
        var page = Path.Combine(site.Folder, "chinese.html");
        var link = $"<link rel=\"stylesheet\" href=\"{CjkFontAssets.Stylesheet}\">";
        var html = await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken);
        Assert.Contains(link, html);
        var withoutFont = Path.Combine(site.Folder, "chinese-without-font.html");
        await File.WriteAllTextAsync(withoutFont, html.Replace(link, ""), TestContext.Current.CancellationToken);
        return (page, withoutFont);
    }

    /// <summary>A page with a formula that does not parse and a chart whose plotly.js was deleted.</summary>
    private static async Task<string> BrokenSiteAsync()
    {
        var nb = new Notebook { Path = "broken.ipynb" };
        nb.Cells.Add(Cell.Markdown("# Broken\n\nThis does not parse: $\\frac{1}{$."));
        var chart = Cell.Code("chart");
        chart.Outputs.Add(new DisplayOutput(new Dictionary<string, string> { [MimeTypes.PlotlyJson] = "{\"data\": [{\"y\": [1, 2]}]}" }));
        nb.Cells.Add(chart);
        var site = await SiteExporter.ExportAsync([nb], Repo.TempFolder("rnnkit-control"), cancel: TestContext.Current.CancellationToken);
        File.Delete(Path.Combine(site.Folder, PlotlyAssets.Script));
        return Path.Combine(site.Folder, "broken.html");
    }
}
