using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RnnKit.TestSupport;

namespace RnnKit.Notebooks.Tests.Export;

/// <summary>
/// Opens site pages from file:// in one headless Chromium and returns what each page's script reported in
/// #rnnkit-status (formulas typeset, charts drawn, script errors, network requests). One browser start serves
/// every page: a harness page loads them in iframes (file access between local pages is allowed for the harness
/// only, with --allow-file-access-from-files) and prints all statuses; --dump-dom returns it after the pages ran.
/// </summary>
internal static partial class SiteBrowser
{
    /// <summary>What site.js reports for one page.</summary>
    /// <param name="Cjk">Distinct Chinese characters on the page.</param>
    /// <param name="MissingGlyphs">Those drawn as the missing-glyph box.</param>
    /// <param name="WebFontFaces">Faces of the site's Noto Sans SC loaded for them.</param>
    /// <param name="ChartTitles">The drawn charts' titles and how their Chinese was drawn.</param>
    /// <param name="Lang">The page's <c>lang</c>.</param>
    /// <param name="Switches">Where the page's language switch leads (absolute file:// URLs).</param>
    public sealed record PageStatus(int Formulas, int Typeset, int KatexErrors, int Charts, int Drawn, string[] Errors, string[] External,
        int Cjk, string[] MissingGlyphs, int WebFontFaces, ChartTitle[]? ChartTitles = null, string? Lang = null, string[]? Switches = null);

    /// <summary>A chart title as drawn: its text and font family, its Chinese characters, those drawn as boxes and
    /// those drawn otherwise than by the site's Noto Sans SC.</summary>
    public sealed record ChartTitle(string Text, string Font, int Cjk, string[] MissingGlyphs, string[] NotWebFont);

    /// <summary>Virtual time the pages get to load and render (virtual time runs ahead when the page is idle).</summary>
    private const int VirtualTimeBudgetMs = 60_000;

    /// <summary>The course site in both editions (26 pages with 11 twins) took 117 s under a load average of 55 on 2 cores.</summary>
    private static readonly TimeSpan WallClockLimit = TimeSpan.FromMinutes(6);

    public static IReadOnlyDictionary<string, PageStatus> Check(string chromium, IReadOnlyList<string> pages)
    {
        var work = Repo.TempFolder("rnnkit-browser");
        var urls = pages.Select(p => new Uri(Path.GetFullPath(p)).AbsoluteUri).ToList();
        var harness = Path.Combine(work, "harness.html");
        File.WriteAllText(harness, Harness.Replace("PAGES", JsonSerializer.Serialize(urls)));

        // The browser sees Latin fonts only (DejaVu, when the machine has it): what a Debian machine without CJK fonts
        // shows, whatever fonts this machine has, so Chinese text can only come from the site's own web font.
        var fonts = Path.Combine(work, "fonts.conf");
        File.WriteAllText(fonts, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{Path.Combine(work, "fontconfig-cache")}</cachedir></fontconfig>
            """);
        var result = Interop.Run(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(work, "profile")}",
            "--allow-file-access-from-files", $"--virtual-time-budget={VirtualTimeBudgetMs}", "--dump-dom",
            new Uri(harness).AbsoluteUri,
        ], WallClockLimit, environment: new Dictionary<string, string> { ["FONTCONFIG_FILE"] = fonts });

        var match = Results().Match(result.Stdout);
        if (result.ExitCode != 0 || !match.Success)
            throw new InvalidOperationException($"chromium exited {result.ExitCode} without the harness results:\n{Tail(result.Stderr)}");
        var text = WebUtility.HtmlDecode(match.Groups["json"].Value);
        var statuses = JsonSerializer.Deserialize<Dictionary<string, PageStatus>>(text, JsonOptions)!;
        var missing = urls.Where(u => !statuses.ContainsKey(u)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"these pages never reported their status: {string.Join(", ", missing)}\nreported: {text}");
        return urls.Select((u, i) => (pages[i], statuses[u])).ToDictionary(x => x.Item1, x => x.Item2);
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    [GeneratedRegex("<pre id=\"results\">(?<json>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Results();

    private const string Harness = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>rnnkit site check</title></head>
        <body><pre id="results">{}</pre>
        <script>
        var pages = PAGES, results = {};
        function finish(page, value) {
          results[page] = value;
          document.getElementById("results").textContent = JSON.stringify(results);
        }
        pages.forEach(function (page) {
          var frame = document.createElement("iframe");
          frame.style.width = "1000px";
          frame.style.height = "700px";
          frame.addEventListener("load", function poll() {
            var status;
            try { status = frame.contentDocument.getElementById("rnnkit-status"); }
            catch (e) { finish(page, { errors: ["harness: " + e] }); return; }
            if (status && status.getAttribute("data-state") === "done") finish(page, JSON.parse(status.textContent));
            else setTimeout(poll, 50);
          });
          frame.src = page;
          document.body.appendChild(frame);
        });
        </script></body></html>
        """;
}
