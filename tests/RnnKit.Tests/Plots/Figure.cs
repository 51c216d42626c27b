using System.Text.Json.Nodes;
using Plotly.NET;

namespace RnnKit.Tests.Plots;

/// <summary>A chart's plotly.js figure as JSON (what the notebook engine sends), for asserting on traces and layout.</summary>
internal sealed class Figure(GenericChart chart)
{
    private readonly JsonObject _figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();

    public JsonArray Traces => _figure["data"]!.AsArray();

    public JsonObject Layout => _figure["layout"]!.AsObject();

    public JsonObject Trace(int i) => Traces[i]!.AsObject();

    public static double[] Numbers(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    public static string[] Strings(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
}
