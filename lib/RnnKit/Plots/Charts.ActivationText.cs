using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace RnnKit;

/// <summary>
/// Text with one value per token shown as the token's background colour (Karpathy's "visualizing and understanding
/// recurrent networks" figures). It is HTML content, so a notebook displays it as coloured text; <see cref="Html"/>
/// is the markup.
/// </summary>
/// <param name="Html">A &lt;div&gt; holding one &lt;span&gt; per token; hovering a token shows its value.</param>
public sealed record ActivationText(string Html) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(Html);

    public override string ToString() => Html;
}

public static partial class Charts
{
    /// <summary>Background of a token with a positive value (red, as in Karpathy's figures).</summary>
    private const string PositiveRgb = "214, 39, 40";

    /// <summary>Background of a token with a negative value (blue).</summary>
    private const string NegativeRgb = "31, 119, 180";

    /// <summary>
    /// Colours each character (text element, so a Chinese character or an emoji is one) of <paramref name="text"/>
    /// by the matching value, e.g. one neuron's activation h⟨t⟩_k while reading the text.
    /// </summary>
    public static ActivationText ActivationText(string text, IReadOnlyList<double> values, double? scale = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
            elements.Add(enumerator.GetTextElement());
        return ActivationText(elements, values, scale);
    }

    /// <summary>
    /// Colours each token by its value: red for positive, blue for negative, opacity |value| / scale, so a tanh
    /// activation (scale 1) goes from clear at 0 to full colour at ±1.
    /// </summary>
    /// <param name="tokens">The tokens, shown in order (newlines kept).</param>
    /// <param name="values">One value per token.</param>
    /// <param name="scale">The |value| shown at full colour; null for the largest |value| (1 if all are 0).</param>
    public static ActivationText ActivationText(IReadOnlyList<string> tokens, IReadOnlyList<double> values, double? scale = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(values);
        if (tokens.Count != values.Count)
            throw new ArgumentException($"got {tokens.Count} tokens but {values.Count} values; each token needs one value", nameof(values));
        for (var t = 0; t < values.Count; t++)
            if (!double.IsFinite(values[t]))
                throw new ArgumentException($"value {t} (token '{tokens[t]}') is {values[t]}; only finite values can be coloured", nameof(values));
        var fullScale = scale ?? values.Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (fullScale == 0) fullScale = 1;
        if (fullScale < 0 || !double.IsFinite(fullScale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be a positive finite number");

        var html = new StringBuilder("<div style=\"font-family: monospace; white-space: pre-wrap; line-height: 1.6\">");
        for (var t = 0; t < tokens.Count; t++)
        {
            var v = values[t];
            var alpha = Math.Min(1, Math.Abs(v) / fullScale);
            html.Append(CultureInfo.InvariantCulture,
                $"<span title=\"{v:0.###}\" style=\"background-color: rgba({(v >= 0 ? PositiveRgb : NegativeRgb)}, {alpha:0.###})\">");
            html.Append(System.Net.WebUtility.HtmlEncode(tokens[t]));
            html.Append("</span>");
        }
        return new ActivationText(html.Append("</div>").ToString());
    }
}
