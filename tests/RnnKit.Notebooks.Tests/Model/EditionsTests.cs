using System.Text.Json.Nodes;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Model;

public class EditionsTests
{
    [Fact]
    public void A_twins_name_gives_its_language_lesson_id_and_english_lesson()
    {
        var twin = Path.Combine("notebooks", "04-the-binary-adder.zh.ipynb");
        var english = Path.Combine("notebooks", "04-the-binary-adder.ipynb");

        Assert.True(Editions.IsTwin(twin));
        Assert.False(Editions.IsTwin(english));
        Assert.False(Editions.IsTwin("lesson.executed.ipynb"));
        Assert.Equal(Editions.Chinese, Editions.LanguageOfName(twin));
        Assert.Equal(Editions.English, Editions.LanguageOfName(english));
        Assert.Equal("04-the-binary-adder", Editions.LessonId(twin));
        Assert.Equal("04-the-binary-adder", Editions.LessonId(english));
        Assert.Equal(english, Editions.EnglishOf(twin));
        Assert.Equal(twin, Editions.TwinOf(english, Editions.Chinese));
    }

    private static Notebook WithLanguage(JsonNode? language)
    {
        var notebook = new Notebook { Path = "x.ipynb" };
        if (language is not null) notebook.Metadata["rnnkit"] = new JsonObject { ["language"] = language };
        return notebook;
    }

    [Fact]
    public void The_metadata_and_the_name_must_agree_and_a_mismatch_is_named()
    {
        Assert.Equal(Editions.Chinese, Editions.LanguageOf("05-lstm.zh.ipynb", WithLanguage("zh-Hans")));
        Assert.Equal(Editions.English, Editions.LanguageOf("05-lstm.ipynb", WithLanguage(null)));
        Assert.Equal(Editions.English, Editions.LanguageOf("05-lstm.ipynb", WithLanguage("en")));

        var missing = Assert.Throws<NotebookInputException>(() => Editions.LanguageOf("05-lstm.zh.ipynb", WithLanguage(null)));
        Assert.Contains("05-lstm.zh.ipynb: its file name says a zh-Hans twin, but its metadata has no rnnkit.language", missing.Message);
        var english = Assert.Throws<NotebookInputException>(() => Editions.LanguageOf("05-lstm.ipynb", WithLanguage("zh-Hans")));
        Assert.Contains("name the twin 05-lstm.zh.ipynb", english.Message);
        var unknown = Assert.Throws<NotebookInputException>(() => Editions.LanguageOf("05-lstm.zh.ipynb", WithLanguage("zh-CN")));
        Assert.Contains("metadata rnnkit.language is \"zh-CN\"", unknown.Message);
        Assert.Throws<NotebookInputException>(() => Editions.LanguageOf("05-lstm.zh.ipynb", WithLanguage(3)));
    }
}
