using RnnKit.Notebooks.Export;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

/// <summary>Formulas lessons really write must reach KaTeX whole, not be half-eaten by other Markdown syntax.</summary>
public class MarkdownRendererTests
{
    [Theory]
    [InlineData(@"$$C_t = \underbrace{f_t * C_{t-1}}_{\text{keep}} + \underbrace{i_t * \tilde{C}_t}_{\text{write}}$$", @"\underbrace{f_t * C_{t-1}}_{\text{keep}}")]
    [InlineData(@"the score $e_i = \mathrm{score}(z, h_i)_{\text{dot}}$ here", @"\mathrm{score}(z, h_i)_{\text{dot}}")]
    [InlineData(@"a sequence $y^{\langle 1 \rangle}, \dots, \texttt{<eos>}$ ends", @"\texttt{&lt;eos&gt;}")]
    [InlineData("$$\nx = 1\n$$", "x = 1")]
    [InlineData("$$c_t = \\underbrace{\\kappa_t}_{\\text{keep}}\\, c_{t-1} + x_t, \\qquad\ny_t = \\underbrace{\\rho_t}_{\\text{read}}\\, c_t .$$", "\\underbrace{\\rho_t}_{\\text{read}}")]
    [InlineData("the loss $L = -\\frac{1}{T}\\sum_t \\log\np(y^{\\langle t \\rangle} \\mid y^{\\langle <t \\rangle}, x)$.", "\\mid y^{\\langle &lt;t \\rangle}")]
    [InlineData("weights $\\alpha =\n  \\mathrm{softmax}(e)$ and", "\\mathrm{softmax}(e)")]
    public void Formulas_reach_the_math_markup_whole(string markdown, string expected)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.Contains("class=\"math\"", html);
        Assert.Contains(expected, html);
    }

    [Theory]
    [InlineData("```\nvar a = $\"x\";\nvar b = $\"y\";\n```", "var a = $&quot;x&quot;;\nvar b")]
    [InlineData("use `$a` and\n`$b` here", "<code>$a</code> and\n<code>$b</code>")]
    [InlineData("it costs \\$5 and\n\\$6", "it costs $5 and\n$6")]
    [InlineData("an open $a\n\nnever closed$ here", "an open $a</p>\n<p>never closed$ here")]
    public void Code_escaped_dollars_and_paragraph_ends_are_left_alone(string markdown, string expected)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("class=\"math\"", html);
    }

    [Theory]
    [InlineData("## 反向传播的每一步", "<h2 id=\"反向传播的每一步\">")]
    [InlineData("## 3.1 反向的一步：RNN 单元", "<h2 id=\"31-反向的一步rnn-单元\">")]
    [InlineData("## The loss, step by step", "<h2 id=\"the-loss-step-by-step\">")]
    public void A_headings_id_keeps_its_words_in_any_script(string markdown, string expected)
    {
        Assert.Contains(expected, MarkdownRenderer.ToHtml(markdown));
    }
}
