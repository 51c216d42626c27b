namespace RnnKit.Notebooks.Export;

/// <summary>
/// KaTeX, pinned, from the npm registry: its script, stylesheet and fonts are copied into the site so formulas
/// are typeset offline.
/// </summary>
public static class KatexAssets
{
    public static NpmPackage Package { get; } = new("katex", "0.19.1",
        "sha512-jG8uKntjSEcm2EpQOh0XturpPuuC9r3Sq5HLHdsFdWZT27E672SF19QEi+of0/YeOy15lDgRhKvr5614uRrEfA==");

    /// <summary>The site folder the files go to, relative to the site root.</summary>
    public const string SiteFolder = "assets/katex";

    public const string Script = SiteFolder + "/katex.min.js";
    public const string Stylesheet = SiteFolder + "/katex.min.css";

    /// <summary>Copies katex.min.js, katex.min.css, fonts/ and the licence into <paramref name="siteRoot"/>/assets/katex.</summary>
    public static async Task CopyToAsync(string siteRoot, AssetSource source, CancellationToken cancel = default)
    {
        var package = await Package.EnsureExtractedAsync(source, cancel);
        var target = Path.Combine(siteRoot, SiteFolder);
        Directory.CreateDirectory(Path.Combine(target, "fonts"));
        var dist = Path.Combine(package, "dist");
        File.Copy(Path.Combine(dist, "katex.min.js"), Path.Combine(target, "katex.min.js"), overwrite: true);
        File.Copy(Path.Combine(dist, "katex.min.css"), Path.Combine(target, "katex.min.css"), overwrite: true);
        File.Copy(Path.Combine(package, "LICENSE"), Path.Combine(target, "LICENSE"), overwrite: true);
        foreach (var font in Directory.EnumerateFiles(Path.Combine(dist, "fonts")))
            File.Copy(font, Path.Combine(target, "fonts", Path.GetFileName(font)), overwrite: true);
    }
}
