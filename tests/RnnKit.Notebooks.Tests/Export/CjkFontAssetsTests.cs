using RnnKit.Notebooks.Export;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

public class CjkFontAssetsTests
{
    private const string Css = """
        /* noto-sans-sc-[4]-400-normal */
        @font-face {
          font-family: 'Noto Sans SC';
          src: url(./files/noto-sans-sc-4-400-normal.woff2) format('woff2'), url(./files/noto-sans-sc-4-400-normal.woff) format('woff');
          unicode-range: U+3002,U+4e00-4e2f;
        }
        @font-face {
          font-family: 'Noto Sans SC';
          src: url(./files/noto-sans-sc-119-400-normal.woff2) format('woff2');
          unicode-range: U+0000-00ff;
        }
        """;

    [Fact]
    public void The_package_stylesheet_gives_each_subsets_file_and_code_points()
    {
        var faces = CjkFontAssets.Parse(Css, "test.css");
        Assert.Equal(["noto-sans-sc-4-400-normal.woff2", "noto-sans-sc-119-400-normal.woff2"], faces.Select(f => f.File));
        Assert.True(faces[0].Covers('一') && faces[0].Covers('。') && !faces[0].Covers('人'));
        Assert.True(faces[1].Covers('A'));
    }

    [Theory]
    [InlineData("@font-face { src: url(./files/a.woff2); }", "without a woff2 file or a unicode-range")]
    [InlineData("@font-face { src: url(./files/a.woff2); unicode-range: U+zz; }", "'U+zz' is not a unicode-range entry")]
    [InlineData("body { color: red }", "no @font-face rules")]
    public void A_stylesheet_not_in_the_expected_form_is_named(string css, string message)
    {
        var error = Assert.Throws<SiteExportException>(() => CjkFontAssets.Parse(css, "pkg-1.0.0"));
        Assert.Contains("pkg-1.0.0", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Chinese_characters_and_punctuation_are_told_from_latin_and_math()
    {
        Assert.Equal(["循", "环", "，", "。"], CjkFontAssets.CjkCharacters("循环 RNN，h⟨t⟩ → 循环。").Select(char.ConvertFromUtf32));
    }
}
