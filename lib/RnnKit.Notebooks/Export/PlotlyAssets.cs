using System.Reflection;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// plotly.js for the site's charts, taken from the Plotly.NET package the library already uses: Plotly.NET embeds
/// the plotly.min.js it targets (and its licence) as resources, so charts draw with the same version the lessons
/// were written against, and no download is needed.
/// </summary>
public static class PlotlyAssets
{
    private const string ResourcePrefix = "Plotly.NET.plotly-";
    private const string ScriptSuffix = ".min.js";
    private const string LicenseSuffix = ".min.js.LICENSE.txt";

    public const string Script = "assets/plotly/plotly.min.js";

    /// <summary>The plotly.js version embedded in Plotly.NET, e.g. "2.28.0".</summary>
    public static string Version => ScriptResource[ResourcePrefix.Length..^ScriptSuffix.Length];

    private static Assembly PlotlyNet => Assembly.Load("Plotly.NET");

    private static string ScriptResource => PlotlyNet.GetManifestResourceNames()
        .SingleOrDefault(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ScriptSuffix, StringComparison.Ordinal))
        ?? throw new SiteExportException($"Plotly.NET {PlotlyNet.GetName().Version} does not embed plotly.min.js; the charts cannot be drawn offline");

    /// <summary>Writes plotly.min.js and its licence into <paramref name="siteRoot"/>/assets/plotly.</summary>
    public static void CopyTo(string siteRoot)
    {
        var target = Path.Combine(siteRoot, Script);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var script = ScriptResource;
        Save(script, target);
        var license = script[..^ScriptSuffix.Length] + LicenseSuffix;
        if (PlotlyNet.GetManifestResourceNames().Contains(license))
            Save(license, target + ".LICENSE.txt");
    }

    private static void Save(string resource, string path)
    {
        using var input = PlotlyNet.GetManifestResourceStream(resource)!;
        using var output = File.Create(path);
        input.CopyTo(output);
    }
}
