using System.Text.Json.Nodes;
using Plotly.NET;

namespace RnnKit.Notebooks.Formatting;

/// <summary>
/// A Plotly.NET chart as Jupyter MIME data: <c>application/vnd.plotly.v1+json</c> holding <c>{data, layout, config}</c>
/// (what VS Code's and JupyterLab's Plotly renderers read, and what the site exporter draws with a local plotly.js),
/// a <c>text/html</c> fallback (a div and a script that draws into it), and a one-line <c>text/plain</c>.
/// </summary>
public static class PlotlyMime
{
    /// <summary>
    /// Where the HTML fallback loads plotly.js from when the page has no <c>window.Plotly</c>: the version Plotly.NET
    /// 6.0.0 embeds and links (its toChartHTML uses the same address).
    /// </summary>
    public const string PlotlyJsCdn = "https://cdn.plot.ly/plotly-2.28.0.min.js";

    public static Dictionary<string, string> For(GenericChart chart, string elementId)
    {
        var figure = Figure(chart);
        var json = figure.ToJsonString();
        var traces = (figure["data"] as JsonArray)?.Count ?? 0;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MimeTypes.PlotlyJson] = json,
            [MimeTypes.Html] = Html(json, "plotly-" + elementId),
            [MimeTypes.PlainText] = $"Plotly chart ({traces} trace{(traces == 1 ? "" : "s")})",
        };
    }

    /// <summary>The chart as <c>{data, layout, config}</c>.</summary>
    public static JsonObject Figure(GenericChart chart)
    {
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        var config = Newtonsoft.Json.JsonConvert.SerializeObject(GenericChart.getConfig(chart), Globals.JSON_CONFIG);
        return new JsonObject
        {
            ["data"] = figure["data"]?.DeepClone() ?? new JsonArray(),
            ["layout"] = figure["layout"]?.DeepClone() ?? new JsonObject(),
            ["config"] = JsonNode.Parse(config) ?? new JsonObject(),
        };
    }

    private static string Html(string figureJson, string elementId) => $$"""
        <div id="{{elementId}}"></div>
        <script type="text/javascript">
        (function () {
          var figure = {{figureJson.Replace("</", "<\\/", StringComparison.Ordinal)}};
          function draw() { Plotly.newPlot('{{elementId}}', figure.data, figure.layout, figure.config); }
          if (window.Plotly) { draw(); return; }
          var script = document.createElement('script');
          script.src = '{{PlotlyJsCdn}}';
          script.onload = draw;
          document.head.appendChild(script);
        })();
        </script>
        """;
}
