using System.Text;
using System.Text.Json;
using RnnKit.Notebooks.Export;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

public class OutputRendererTests
{
    private static string Render(params Output[] outputs)
    {
        var html = new StringBuilder();
        new OutputRenderer().Render(outputs, html, "test.ipynb: cell 1");
        return html.ToString();
    }

    [Fact]
    public void Mime_priority_prefers_charts_then_html_then_images_then_text()
    {
        Assert.Equal(MimeTypes.PlotlyJson, MimePriority.Choose(new Dictionary<string, string> { ["text/plain"] = "", ["text/html"] = "", [MimeTypes.PlotlyJson] = "{}" }));
        Assert.Equal(MimeTypes.Html, MimePriority.Choose(new Dictionary<string, string> { ["text/plain"] = "", ["image/png"] = "", ["text/html"] = "" }));
        Assert.Equal(MimeTypes.Png, MimePriority.Choose(new Dictionary<string, string> { ["text/plain"] = "", ["image/png"] = "" }));
        Assert.Equal(MimeTypes.PlainText, MimePriority.Choose(new Dictionary<string, string> { ["text/plain"] = "", ["application/x-unknown"] = "" }));
        Assert.Null(MimePriority.Choose(new Dictionary<string, string> { ["application/x-unknown"] = "" }));
    }

    [Fact]
    public void Claims_show_as_badged_lines_held_or_failed_with_their_text_escaped()
    {
        var held = Render(new DisplayOutput(ClaimMime.For(new ClaimResult("LSTM <beats> RNN", "97.0 %", "≥ 90 %", true, true))));
        var failed = Render(new DisplayOutput(ClaimMime.For(new ClaimResult("it levels off", "0.3", "≤ 0.1", false, false))));

        Assert.Contains("<div class=\"output claim held\"><span class=\"claim-badge\">✓ claim checked</span>", held);
        Assert.Contains("LSTM &lt;beats&gt; RNN</span>: <span class=\"claim-measured\">97.0 %</span>", held);
        Assert.DoesNotContain("✓ LSTM", held);
        Assert.Contains("<div class=\"output claim failed\"><span class=\"claim-badge\">✗ claim failed</span>", failed);
    }

    [Fact]
    public void Only_one_representation_of_a_display_is_shown()
    {
        var html = Render(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "PLAIN", ["text/html"] = "<b>RICH</b>" }));
        Assert.Contains("<b>RICH</b>", html);
        Assert.DoesNotContain("PLAIN", html);
    }

    [Fact]
    public void Streams_merge_per_stream_and_escape_html()
    {
        var html = Render(new StreamOutput("stdout", "a <1>\n"), new StreamOutput("stdout", "b\n"), new StreamOutput("stderr", "warn\n"), new StreamOutput("stdout", "c\n"));
        Assert.Equal(
            "<div class=\"output stream stdout\"><pre>a &lt;1&gt;\nb\n</pre></div>\n" +
            "<div class=\"output stream stderr\"><pre>warn\n</pre></div>\n" +
            "<div class=\"output stream stdout\"><pre>c\n</pre></div>\n", html);
    }

    [Theory]
    [InlineData("10%\r50%\r100%\ndone\n", "100%\ndone\n")]
    [InlineData("windows\r\nline\r\n", "windows\nline\n")]
    [InlineData("no returns", "no returns")]
    public void Carriage_returns_keep_the_last_state_of_a_line(string text, string expected) =>
        Assert.Equal(expected, OutputRenderer.ApplyCarriageReturns(text));

    [Fact]
    public void Chart_specs_cannot_close_their_script_element_and_stay_the_same_json()
    {
        const string spec = """{"data":[{"name":"</script><script>alert(1)</script>","y":[1]}]}""";
        var html = Render(new DisplayOutput(new Dictionary<string, string> { [MimeTypes.PlotlyJson] = spec }));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
        var json = html[(html.IndexOf("\">{", StringComparison.Ordinal) + 2)..html.LastIndexOf("</script>", StringComparison.Ordinal)];
        Assert.Equal("</script><script>alert(1)</script>", JsonDocument.Parse(json).RootElement.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Errors_show_name_message_and_traceback_without_terminal_codes()
    {
        var html = Render(new ErrorOutput("Oops", "bad <shape>", ["\u001b[0;31mOops: bad <shape>\u001b[0m", "  at Cell 3"]));
        Assert.Equal("<div class=\"output error\"><pre><span class=\"ename\">Oops: bad &lt;shape&gt;</span>\n  at Cell 3</pre></div>\n", html);
    }

    [Fact]
    public void Traceback_lines_that_repeat_a_multi_line_message_are_not_shown_twice()
    {
        var html = Render(new ErrorOutput("CompilationError", "(1,1): error CS0103\n(2,1): error CS1002", ["(1,1): error CS0103", "(2,1): error CS1002"]));
        Assert.Equal("<div class=\"output error\"><pre><span class=\"ename\">CompilationError: (1,1): error CS0103\n(2,1): error CS1002</span></pre></div>\n", html);
    }
}
