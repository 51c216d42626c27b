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
        var pages = site.Pages.Select(p => Path.Combine(site.Folder, p)).Append(control).ToList();

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
