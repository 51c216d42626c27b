namespace RnnKit.Notebooks.Export;

/// <summary>The site's own stylesheet and script, embedded in this assembly from Export/Assets.</summary>
public static class SiteAssets
{
    public const string Stylesheet = "assets/site.css";
    public const string Script = "assets/site.js";

    public static void CopyTo(string siteRoot)
    {
        foreach (var file in new[] { Stylesheet, Script })
        {
            var name = "RnnKit.Notebooks.Export.Assets." + Path.GetFileName(file);
            using var input = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"resource {name} is missing from {typeof(SiteAssets).Assembly.GetName().Name}");
            var target = Path.Combine(siteRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var output = File.Create(target);
            input.CopyTo(output);
        }
    }
}
