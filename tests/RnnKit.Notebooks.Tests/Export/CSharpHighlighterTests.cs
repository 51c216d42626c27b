using System.Net;
using System.Text.RegularExpressions;
using RnnKit.Notebooks.Export;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

public partial class CSharpHighlighterTests
{
    [Theory]
    [InlineData("var x = 1;\nx")]
    [InlineData("#r \"nuget: Plotly.NET, 6.0.0\"\n#!time\nusing System;\n/* block */ Console.WriteLine($\"{1 + 2:F3} \\\"q\\\"\");")]
    [InlineData("class Broken { void M( { \"unterminated\n")]
    [InlineData("var s = \"\"\"\n  raw <b>&amp;</b>\n  \"\"\";\nchar c = '<';")]
    public void Spans_hold_exactly_the_source_text(string code)
    {
        var html = CSharpHighlighter.ToHtml(code);
        Assert.Equal(code, WebUtility.HtmlDecode(Tag().Replace(html, "")));
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void Classifies_keywords_literals_comments_directives_types_and_methods()
    {
        var html = CSharpHighlighter.ToHtml("#r \"nuget: X\"\nvar m = Matrix<double>.Build.Dense(2, 3); // (n_a, m)\nawait Task.Delay(1);\nstatic double Tanh(double z) => Math.Tanh(z);");
        Assert.Contains("<span class=\"pre\">#r &quot;nuget: X&quot;</span>\n", html);
        Assert.Contains("<span class=\"kw\">var</span> m", html);
        Assert.Contains("<span class=\"typ\">Matrix</span>&lt;<span class=\"kw\">double</span>&gt;", html);
        Assert.Contains("<span class=\"fn\">Dense</span>(<span class=\"num\">2</span>, <span class=\"num\">3</span>)", html);
        Assert.Contains("<span class=\"com\">// (n_a, m)</span>", html);
        Assert.Contains("<span class=\"kw\">await</span> <span class=\"typ\">Task</span>.<span class=\"fn\">Delay</span>", html);
        Assert.Contains("<span class=\"fn\">Tanh</span>(<span class=\"kw\">double</span> z)", html);
    }

    [Fact]
    public void A_variable_named_var_is_not_a_keyword_where_it_is_used_as_a_value()
    {
        var html = CSharpHighlighter.ToHtml("int var = 1;\nvar y = var + 1;");
        Assert.Contains("<span class=\"kw\">int</span> var = <span class=\"num\">1</span>", html);
        Assert.Contains("<span class=\"kw\">var</span> y = var + <span class=\"num\">1</span>", html);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
