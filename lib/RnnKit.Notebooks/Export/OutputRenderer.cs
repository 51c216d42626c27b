using System.Text;
using System.Text.Json;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// Writes a code cell's outputs as HTML, in place: stream text (consecutive writes to one stream merged, carriage
/// returns applied as a terminal would), one representation per display chosen by <see cref="MimePriority"/>,
/// and errors. Plotly charts become a div plus their spec as JSON, drawn by the site script with the local
/// plotly.js. Each page gets its own renderer so chart ids are unique within the page.
/// </summary>
/// <param name="language">The page's edition: the words of the claim badge.</param>
public sealed class OutputRenderer(SiteLanguage? language = null)
{
    private readonly SiteLanguage _language = language ?? SiteLanguage.English;
    private int _charts;

    /// <summary>Number of Plotly charts written so far (the page loads plotly.js only when this is non-zero).</summary>
    public int ChartCount => _charts;

    /// <summary>Appends the HTML of <paramref name="outputs"/> to <paramref name="html"/>.</summary>
    /// <param name="outputs">The cell's outputs in order.</param>
    /// <param name="html">Where the HTML goes.</param>
    /// <param name="where">The notebook and cell, for messages ("notebooks/02-rnn.ipynb: cell 7").</param>
    /// <exception cref="SiteExportException">A chart spec that is not a Plotly figure.</exception>
    public void Render(IReadOnlyList<Output> outputs, StringBuilder html, string where)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            switch (outputs[i])
            {
                case StreamOutput stream:
                    var text = new StringBuilder(stream.Text);
                    while (i + 1 < outputs.Count && outputs[i + 1] is StreamOutput next && next.Name == stream.Name)
                    {
                        text.Append(next.Text);
                        i++;
                    }
                    RenderStream(stream.Name, text.ToString(), html);
                    break;
                case DisplayOutput display:
                    RenderDisplay(display, html, $"{where}: output {i + 1}");
                    break;
                case ErrorOutput error:
                    RenderError(error, html);
                    break;
            }
        }
    }

    private static void RenderStream(string name, string text, StringBuilder html)
    {
        var kind = name == "stderr" ? "stderr" : "stdout";
        html.Append("<div class=\"output stream ").Append(kind).Append("\"><pre>")
            .Append(Html.Escape(ApplyCarriageReturns(Html.StripAnsi(text))))
            .Append("</pre></div>\n");
    }

    /// <summary>Progress lines rewritten with '\r' show only their last state, as in a terminal.</summary>
    internal static string ApplyCarriageReturns(string text)
    {
        if (!text.Contains('\r')) return text;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var cut = lines[i].TrimEnd('\r').LastIndexOf('\r');
            if (cut >= 0) lines[i] = lines[i][(cut + 1)..];
        }
        return string.Join('\n', lines);
    }

    private void RenderDisplay(DisplayOutput display, StringBuilder html, string where)
    {
        if (ClaimMime.Read(display.Data) is { } claim)
        {
            RenderClaim(claim, html);
            return;
        }
        var mime = MimePriority.Choose(display.Data);
        if (mime is null) return;
        var value = display.Data[mime];
        html.Append("<div class=\"output display").Append(display.IsResult ? " result" : "").Append("\">");
        if (display.ExecutionCount is { } count)
            html.Append("<span class=\"prompt out\">Out[").Append(count).Append("]:</span>");
        switch (mime)
        {
            case MimeTypes.PlotlyJson:
                CheckPlotlyFigure(value, where);
                var id = $"chart-{++_charts}";
                html.Append("<div class=\"plotly-chart\" id=\"").Append(id).Append("\"></div>")
                    .Append("<script type=\"application/json\" class=\"plotly-spec\" data-chart=\"").Append(id).Append("\">")
                    .Append(Html.ScriptSafeJson(value)).Append("</script>");
                break;
            case MimeTypes.Html:
                html.Append("<div class=\"html\">").Append(value).Append("</div>");
                break;
            case MimeTypes.Svg:
                html.Append("<div class=\"svg\">").Append(StripXmlProlog(value)).Append("</div>");
                break;
            case MimeTypes.Png or MimeTypes.Jpeg:
                html.Append("<img alt=\"output image\" src=\"data:").Append(mime).Append(";base64,")
                    .Append(value.Replace("\n", "")).Append("\">");
                break;
            case MimeTypes.Markdown:
                html.Append("<div class=\"markdown\">").Append(MarkdownRenderer.ToHtml(value)).Append("</div>");
                break;
            case MimeTypes.Latex:
                html.Append("<div class=\"math\">\\[").Append(Html.Escape(LatexBody(value))).Append("\\]</div>");
                break;
            case MimeTypes.Json:
                html.Append("<pre class=\"json\">").Append(Html.Escape(Indented(value))).Append("</pre>");
                break;
            default:
                html.Append("<pre>").Append(Html.Escape(Html.StripAnsi(value))).Append("</pre>");
                break;
        }
        html.Append("</div>\n");
    }

    /// <summary>A claim as a badge line: what the prose says, what this run measured, and the condition.</summary>
    private void RenderClaim(ClaimResult claim, StringBuilder html) =>
        html.Append("<div class=\"output claim ").Append(claim.Held ? "held" : "failed").Append("\">")
            .Append("<span class=\"claim-badge\">").Append(claim.Held ? _language.ClaimHeld : _language.ClaimFailed).Append("</span> ")
            .Append("<span class=\"claim-text\">").Append(Html.Escape(claim.Text)).Append("</span>: ")
            .Append("<span class=\"claim-measured\">").Append(Html.Escape(claim.Measured)).Append("</span> ")
            .Append("<span class=\"claim-condition\">(").Append(Html.Escape(claim.Condition)).Append(")</span></div>\n");

    private static void RenderError(ErrorOutput error, StringBuilder html)
    {
        var header = string.IsNullOrEmpty(error.Value) ? error.Name : $"{error.Name}: {error.Value}";
        // Tracebacks often repeat the message (IPython's first line; the engine's one line per compile error): skip those.
        var shown = header.Split('\n').Concat(error.Value.Split('\n')).Append(header)
            .Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var trace = error.Traceback.Select(Html.StripAnsi).Where(line => !shown.Contains(line.Trim()));
        html.Append("<div class=\"output error\"><pre><span class=\"ename\">").Append(Html.Escape(header)).Append("</span>");
        foreach (var line in trace)
            html.Append('\n').Append(Html.Escape(line.TrimEnd('\n')));
        html.Append("</pre></div>\n");
    }

    /// <summary>A Plotly figure is a JSON object whose 'data' is a list of traces.</summary>
    private static void CheckPlotlyFigure(string json, string where)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
                return;
        }
        catch (JsonException e)
        {
            throw new SiteExportException($"{where}: {MimeTypes.PlotlyJson} is not valid JSON: {e.Message}");
        }
        throw new SiteExportException($"{where}: {MimeTypes.PlotlyJson} must be an object with a 'data' list of traces");
    }

    /// <summary>text/latex is usually wrapped in $…$ or $$…$$; KaTeX wants the formula alone.</summary>
    private static string LatexBody(string latex)
    {
        var body = latex.Trim();
        foreach (var fence in new[] { "$$", "$" })
            if (body.Length > 2 * fence.Length && body.StartsWith(fence, StringComparison.Ordinal) && body.EndsWith(fence, StringComparison.Ordinal))
                return body[fence.Length..^fence.Length];
        return body;
    }

    private static string StripXmlProlog(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    private static string Indented(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(doc.RootElement, IndentedOptions);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true };
}
