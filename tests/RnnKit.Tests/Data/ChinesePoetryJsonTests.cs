using RnnKit.Data;
using Xunit;

namespace RnnKit.Tests.Data;

public class ChinesePoetryJsonTests
{
    [Fact]
    public void Lyrics_take_the_tune_as_title_and_keep_punctuation()
    {
        const string json = """
            [{"author": "李清照", "paragraphs": ["寻寻觅觅，冷冷清清，", " ", "凄凄惨惨戚戚。"], "rhythmic": "声声慢", "tags": ["宋词三百首"]},
             {"author": "王维", "paragraphs": ["红豆生南国，春来发几枝。"], "title": "相思"}]
            """;
        var poems = ChinesePoetryJson.Parse(json, "test.json");
        Assert.Equal(2, poems.Count);
        Assert.Equal(("声声慢", "李清照"), (poems[0].Title, poems[0].Author));
        Assert.Equal(["寻寻觅觅，冷冷清清，", "凄凄惨惨戚戚。"], poems[0].Lines);
        Assert.Null(poems[0].Lifespan);
        Assert.Equal("相思", poems[1].Title);
    }

    [Theory]
    [InlineData("{}", "test.json: expected an array")]
    [InlineData("[{\"author\": \"a\", \"paragraphs\": [\"x\"]}]", "test.json: entry 0: neither \"rhythmic\" nor \"title\"")]
    [InlineData("[{\"title\": \"t\", \"author\": \"a\", \"paragraphs\": [\"x\"]}, {\"title\": \"t\", \"paragraphs\": [\"x\"]}]", "entry 1: no \"author\"")]
    [InlineData("[{\"title\": \"t\", \"author\": \"a\", \"paragraphs\": [3]}]", "\"paragraphs\" holds a Number")]
    [InlineData("[{\"title\": \"t\", \"author\": \"a\", \"paragraphs\": []}]", "holds no line")]
    [InlineData("[{", "test.json: not valid JSON")]
    public void A_bad_file_is_named_with_its_entry(string json, string message)
    {
        var e = Assert.Throws<FormatException>(() => ChinesePoetryJson.Parse(json, "test.json"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ChinesePoetryJson.ParseFile("/nonexistent/songci.json"));
        Assert.Contains("/nonexistent/songci.json", e.Message);
    }
}
