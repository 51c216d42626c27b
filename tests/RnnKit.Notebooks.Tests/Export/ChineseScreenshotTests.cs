using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

/// <summary>
/// The pixels of a Chinese page, not only what the page's script reports (issue #23): in a browser that has no CJK
/// font of its own, a page must look exactly as it looks when every element is told to use the site's Noto Sans SC.
/// A character drawn by any other font (a missing-glyph box, the bold headings of session 6 that Chromium took from
/// system-ui's face) changes the screenshot; the same comparison with the h1 forced to a Latin font proves the check
/// sees such boxes.
/// </summary>
public class ChineseScreenshotTests
{
    [Fact]
    public async Task A_Chinese_page_is_drawn_entirely_in_the_sites_web_font_with_no_system_CJK_font()
    {
        var chromium = Interop.RequireProgram("chromium", "Chromium (Debian package chromium)");
        Assert.SkipUnless(Directory.Exists(LatinFonts), $"the check hides every font but DejaVu ({LatinFonts}), which this machine lacks");
        var site = (await FixtureSite.BilingualAsync()).Folder;
        var work = Repo.TempFolder("rnnkit-screenshot");

        var asIs = Screenshot(chromium, Variant(site, work, "as-is", ""), work);
        // Everything but KaTeX's math in the web font: what the page must already look like.
        var webFont = Screenshot(chromium, Variant(site, work, "web-font",
            "body, body *:not(.katex, .katex *) { font-family: 'Noto Sans SC' !important; }"), work);
        // The control: the h1 in a Latin font, so its Chinese can only come out as boxes.
        var boxes = Screenshot(chromium, Variant(site, work, "boxes",
            "body, body *:not(.katex, .katex *) { font-family: 'Noto Sans SC' !important; } body h1:not(.katex, .katex *) { font-family: 'DejaVu Sans' !important; }"), work);

        Assert.False(webFont.SequenceEqual(boxes), $"the control did not change the screenshot, so the check cannot see boxes ({work})");
        Assert.True(asIs.SequenceEqual(webFont),
            $"index.zh.html does not look as it does in Noto Sans SC alone: some characters come from another font (a box where no font has them); compare {work}/as-is.png with {work}/web-font.png");
    }

    private const string LatinFonts = "/usr/share/fonts/truetype/dejavu";

    /// <summary>A copy of the site whose stylesheet ends with <paramref name="css"/>; its Chinese index.</summary>
    private static string Variant(string site, string work, string name, string css)
    {
        var copy = Path.Combine(work, name);
        foreach (var file in Directory.GetFiles(site, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(site, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.AppendAllText(Path.Combine(copy, "assets", "site.css"), "\n" + css + "\n");
        return Path.Combine(copy, "index.zh.html");
    }

    private static byte[] Screenshot(string chromium, string page, string work)
    {
        var name = Path.GetFileName(Path.GetDirectoryName(page)!);
        var png = Path.Combine(work, name + ".png");
        var fonts = Path.Combine(work, "fonts.conf");
        File.WriteAllText(fonts, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>{LatinFonts}</dir><cachedir>{Path.Combine(work, "fontconfig-cache")}</cachedir></fontconfig>
            """);
        var result = Interop.Run(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={Path.Combine(work, "profile-" + name)}",
            "--allow-file-access-from-files", "--virtual-time-budget=20000", "--window-size=1000,700", $"--screenshot={png}",
            new Uri(page).AbsoluteUri,
        ], TimeSpan.FromMinutes(4), environment: new Dictionary<string, string> { ["FONTCONFIG_FILE"] = fonts });
        Assert.True(File.Exists(png), $"chromium wrote no screenshot of {page} (exit {result.ExitCode}): {result.Stderr}");
        return File.ReadAllBytes(png);
    }
}
