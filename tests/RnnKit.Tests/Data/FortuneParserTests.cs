using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

public class FortuneParserTests
{
    private static string Fixture(string name) => Repo.PathOf("tests", "RnnKit.Tests", "Data", "Fixtures", name);

    [Fact]
    public void Parses_titles_authors_dates_and_lines_of_a_hand_written_file()
    {
        var poems = FortuneParser.ParseFile(Fixture("three-poems.fortune"));
        Assert.Equal(3, poems.Count);
        Assert.Equal(("小园・其一", "无名氏", (string?)null), (poems[0].Title, poems[0].Author, poems[0].Lifespan));
        Assert.Equal(["小园春草绿，细雨入窗来。", "明月照高树，清风拂古台。"], poems[0].Lines);
        Assert.Equal("《江上》二首", poems[1].Title);
        Assert.Equal("试笔", poems[1].Author);
        Assert.Equal("１００１－１０６０", poems[1].Lifespan);
        Assert.Equal("江上一孤舟，\n云间几点秋。", poems[1].Text); // the empty line inside is dropped
        Assert.Equal("𠀀字", poems[2].Title);
        Assert.All(poems, p => Assert.DoesNotContain('\x1b', p.Title + p.Author + p.Text));
    }

    [Fact]
    public void An_entry_without_an_author_names_file_and_line()
    {
        var path = Fixture("missing-author.fortune");
        var e = Assert.Throws<FortuneFormatException>(() => FortuneParser.ParseFile(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("line 2", e.Message);
        Assert.Contains("作者", e.Message);
    }

    [Fact]
    public void Parses_the_installed_tang_poems()
    {
        const string path = "/usr/share/games/fortunes/tang300";
        Interop.Require(File.Exists(path), "fortunes-zh");
        var poems = FortuneParser.ParseFile(path);
        Assert.InRange(poems.Count, 290, 330);
        Assert.Contains(poems, p => p.Author == "杜甫");
        Assert.All(poems, p =>
        {
            Assert.NotEmpty(p.Title);
            Assert.NotEmpty(p.Author);
            Assert.NotEmpty(p.Lines);
            Assert.DoesNotContain('\x1b', p.Title + p.Author + p.Text);
            Assert.DoesNotContain("[m", p.Title + p.Author + p.Text);
        });
    }

    [Fact]
    public void Parses_the_installed_song_poems_with_dates()
    {
        const string path = "/usr/share/games/fortunes/song100";
        Interop.Require(File.Exists(path), "fortunes-zh");
        var poems = FortuneParser.ParseFile(path);
        Assert.InRange(poems.Count, 90, 110);
        Assert.All(poems, p => Assert.DoesNotContain('\x1b', p.Title + p.Author + p.Text));
        Assert.True(poems.Count(p => p.Lifespan is not null) > poems.Count / 2);
    }
}
