using System.Text.Json.Nodes;
using RnnKit.Notebooks.Export;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

/// <summary>
/// The site in two editions (issue #23): Chinese twins (NN-words.zh.ipynb, metadata rnnkit.language = zh-Hans) get
/// pages NN-words.zh.html in Chinese furniture, linked to each other and to index.zh.html (the Chinese syllabus);
/// every page with a twin switches to it; the Chinese index lists an untranslated lesson as English only.
/// </summary>
public class BilingualSiteTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Both_editions_get_an_index_and_their_lesson_pages()
    {
        var site = await FixtureSite.BilingualAsync();
        Assert.Equal(["index.html", "index.zh.html", "01-first.html", "02-second.html", "03-third.html", "02-second.zh.html", "03-third.zh.html"],
            site.Pages);
        Assert.Equal(["en", "zh-Hans"], site.Editions);
        Assert.Equal(5, site.Lessons);
        var marker = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(site.Folder, SiteExporter.MarkerFile), Cancel))!;
        Assert.Contains("02-second.zh.html", marker["lessons"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Chinese_pages_say_so_and_use_Chinese_words_for_the_sites_furniture()
    {
        var second = (await FixtureSite.BilingualPageAsync("02-second.zh.html")).Replace("&#183;", "·");
        var third = await FixtureSite.BilingualPageAsync("03-third.zh.html");
        Assert.Contains("<html lang=\"zh-Hans\">", second);
        Assert.Contains("<title>第二课：图表 · RnnKit：用 C# 学循环神经网络</title>", second);
        Assert.Contains("<header class=\"site-header\"><a href=\"index.zh.html\">RnnKit：用 C# 学循环神经网络</a>", second);
        // The Chinese edition's order: 02 then 03 (lesson 01 has no twin, so 02 has no previous lesson).
        Assert.DoesNotContain("rel=\"prev\"", second);
        Assert.Contains("<a class=\"contents\" href=\"index.zh.html\">目录</a>", second);
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"03-third.zh.html\">下一课：第三课：结束 →</a>", second);
        Assert.Contains("<a class=\"prev\" rel=\"prev\" href=\"02-second.zh.html\">← 上一课：第二课：图表</a>", third);
        Assert.Contains("<span class=\"claim-badge\">✓ 断言已核实</span> <span class=\"claim-text\">损失降到 1 以下</span>", second);
        Assert.Contains("由 <code>rnnkit export</code> 从 <code>02-second.zh.ipynb</code> 生成。", second);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{CjkFontAssets.Stylesheet}\">", second);

        // English pages keep their words and order: 01 → 02 → 03.
        var english = await FixtureSite.BilingualPageAsync("02-second.html");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<a class=\"prev\" rel=\"prev\" href=\"01-first.html\">← Lesson one: sequences</a>", english);
        Assert.Contains("<a class=\"contents\" href=\"index.html\">Contents</a>", english);
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"03-third.html\">Lesson three: the end →</a>", english);
    }

    [Fact]
    public async Task Every_page_with_a_twin_switches_to_it_and_back()
    {
        var site = await FixtureSite.BilingualAsync();
        foreach (var (english, chinese) in new[] { ("index.html", "index.zh.html"), ("02-second.html", "02-second.zh.html"), ("03-third.html", "03-third.zh.html") })
        {
            var en = await FixtureSite.BilingualPageAsync(english);
            var zh = await FixtureSite.BilingualPageAsync(chinese);
            Assert.Contains($"<a class=\"language-switch\" href=\"{chinese}\" hreflang=\"zh-Hans\" lang=\"zh-Hans\" title=\"中文版\">中文</a>", en);
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"{chinese}\">", en);
            Assert.Contains($"<a class=\"language-switch\" href=\"{english}\" hreflang=\"en\" lang=\"en\" title=\"The English edition\">English</a>", zh);
            Assert.Contains($"<link rel=\"alternate\" hreflang=\"en\" href=\"{english}\">", zh);
            Assert.Single(SwitchTargets(en));
            Assert.Single(SwitchTargets(zh));
        }
        Assert.Empty(SwitchTargets(await FixtureSite.BilingualPageAsync("01-first.html")));
        // Every switch on every page leads to a page the site has.
        foreach (var page in site.Pages)
            Assert.All(SwitchTargets(await FixtureSite.BilingualPageAsync(page)), target => Assert.Contains(target, site.Pages));
    }

    [Fact]
    public async Task The_Chinese_index_renders_its_syllabus_and_lists_an_untranslated_lesson_as_English_only()
    {
        var index = await FixtureSite.BilingualPageAsync("index.zh.html");
        Assert.Contains("<html lang=\"zh-Hans\">", index);
        Assert.Contains(">测试课程</h1>", index);
        // The syllabus's links go to the twins' pages, and to the English page where there is no twin.
        Assert.Contains("<a href=\"01-first.html\">第一课</a>", index);
        Assert.Contains("<a href=\"02-second.zh.html\">图表</a>", index);
        Assert.Contains("<span class=\"math\">\\(h_t\\)</span>", index);
        Assert.Contains("<h2 id=\"lessons\">课程列表</h2>", index);
        Assert.Contains("<li><a href=\"01-first.html\" hreflang=\"en\" lang=\"en\">Lesson one: sequences</a><span class=\"only-in\">仅有英文版</span></li>", index);
        Assert.Contains("<li><a href=\"02-second.zh.html\">第二课：图表</a></li>", index);
        Assert.Contains("<li><a href=\"03-third.zh.html\">第三课：结束</a></li>", index);
        Assert.Contains("共 2 课", index);

        var english = await FixtureSite.BilingualPageAsync("index.html");
        Assert.Contains("<h1 id=\"fixture-course\">Fixture course</h1>", english);
        Assert.Contains("<li><a href=\"02-second.html\">Lesson two: charts</a></li>", english);
        Assert.DoesNotContain("only-in", english);
    }

    [Fact]
    public async Task Links_in_a_twin_go_to_twins_and_fall_back_to_the_English_page()
    {
        var second = await FixtureSite.BilingualPageAsync("02-second.zh.html");
        Assert.Contains("<a href=\"01-first.html\">第一课</a>", second);
        Assert.Contains("<a href=\"02-second.html\">英文版的本课</a>", second);
        var third = await FixtureSite.BilingualPageAsync("03-third.zh.html");
        Assert.Contains("<a href=\"02-second.zh.html\">图表</a>", third);
    }

    [Fact]
    public async Task Without_a_Chinese_syllabus_the_Chinese_index_has_a_plain_heading()
    {
        var course = FixtureSite.BilingualCourse();
        File.Delete(Path.Combine(course, LessonFiles.ChineseSyllabusName));
        var files = LessonFiles.Find([course]);
        Assert.Null(files.ChineseSyllabus);
        var site = await SiteExporter.ExportAsync(files.Notebooks.Select(p => new SiteLesson(Notebook.Load(p))).ToList(),
            Repo.TempFolder(), new SiteOptions { SyllabusPath = files.Syllabus, ChineseTitle = "循环网络课程" }, Cancel);
        var index = await File.ReadAllTextAsync(Path.Combine(site.Folder, "index.zh.html"), Cancel);
        Assert.Contains("<section class=\"syllabus markdown\">\n<h1>循环网络课程</h1>", index);
    }

    [Fact]
    public async Task An_English_only_site_has_no_Chinese_index_and_no_switch()
    {
        var site = await FixtureSite.SiteAsync();
        Assert.Equal(["en"], site.Editions);
        Assert.DoesNotContain("index.zh.html", site.Pages);
        Assert.DoesNotContain("language-switch", await FixtureSite.PageAsync("index.html"));
    }

    [Theory]
    [InlineData("zh-Hans", "04-adder.ipynb", "its metadata says rnnkit.language = \"zh-Hans\", but its file name has no edition suffix")]
    [InlineData(null, "04-adder.zh.ipynb", "its file name says a zh-Hans twin, but its metadata has no rnnkit.language")]
    [InlineData("fr", "04-adder.fr.ipynb", "metadata rnnkit.language is \"fr\"; known languages: \"en\", \"zh-Hans\"")]
    public async Task A_name_and_a_language_that_disagree_are_refused_naming_the_notebook(string? language, string name, string message)
    {
        var nb = new Notebook { Path = Path.Combine("course", name) };
        if (language is not null) nb.Metadata["rnnkit"] = new JsonObject { ["language"] = language };
        nb.Cells.Add(Cell.Markdown("# 04 · 二进制加法器"));
        var e = await Assert.ThrowsAsync<SiteExportException>(() => SiteExporter.ExportAsync([nb], Repo.TempFolder(), cancel: Cancel));
        Assert.StartsWith($"{Path.Combine("course", name)}: {message}", e.Message);
    }

    private static List<string> SwitchTargets(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<a class=\"language-switch\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
}
