using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// One translation per idea (docs/glossary.md): a lesson that glosses a glossary term in Chinese uses the glossary's
/// term, and no lesson, syllabus or README uses a rejected variant.
/// </summary>
public class GlossaryTests
{
    /// <summary>Texts the glossary governs: every cell of every lesson and twin, the syllabus (both editions), the README.</summary>
    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in LessonTests.EditionFiles()) data.Add(Path.GetRelativePath(Repo.Root, lesson));
        data.Add(Path.Combine("notebooks", "README.md"));
        if (File.Exists(Repo.PathOf("notebooks", "README.zh.md"))) data.Add(Path.Combine("notebooks", "README.zh.md"));
        data.Add("README.md");
        return data;
    }

    private static IEnumerable<(string Where, string Text)> Parts(string relative)
    {
        var path = Repo.PathOf(relative);
        if (!relative.EndsWith(".ipynb", StringComparison.Ordinal))
        {
            yield return (relative, File.ReadAllText(path));
            yield break;
        }
        var nb = Notebook.Load(path);
        for (var i = 0; i < nb.Cells.Count; i++)
            yield return ($"{relative} cell {i + 1}", nb.Cells[i].Source);
    }

    [Fact]
    public void The_glossary_is_a_sorted_table_with_one_row_per_term()
    {
        var entries = Glossary.Entries;
        Assert.True(entries.Count >= 40, $"{Glossary.Path} has {entries.Count} rows");
        Assert.All(entries, e => Assert.NotEmpty(e.Chinese));
        var names = entries.Select(e => e.English.ToLowerInvariant()).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var accepted = entries.SelectMany(e => e.Chinese).ToHashSet();
        var contradictions = entries.SelectMany(e => e.Rejected.Where(accepted.Contains).Select(r => $"{e.English}: {r}")).ToList();
        Assert.True(contradictions.Count == 0, "rejected variants that another row accepts: " + string.Join("; ", contradictions));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Chinese_terms_are_the_glossarys(string text)
    {
        var problems = new List<string>();
        foreach (var (where, source) in Parts(text))
        {
            foreach (var entry in Glossary.Entries)
                foreach (var variant in entry.Rejected.Where(v => source.Contains(v, StringComparison.Ordinal)))
                    problems.Add($"{where}: '{variant}' for {entry.English}; the glossary says {entry.Chinese[0]}");
            foreach (var (entry, chinese) in Glossary.Glossed(source))
                if (!entry.Chinese.Any(accepted => chinese.Contains(accepted, StringComparison.Ordinal)))
                    problems.Add($"{where}: {entry.English} glossed as '{chinese}'; the glossary says {string.Join(" or ", entry.Chinese)}");
            foreach (var (entry, chinese) in Glossary.GlossedInChinese(source))
                if (!entry.Chinese.Any(accepted => chinese.EndsWith(accepted, StringComparison.Ordinal)))
                    problems.Add($"{where}: '{chinese}（{entry.English}）' — the glossary's term for {entry.English} is {string.Join(" or ", entry.Chinese)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void The_check_finds_a_chinese_term_before_its_english_one()
    {
        var found = Glossary.GlossedInChinese("我们用**随时间反向传播**（backpropagation through time, BPTT）训练，遗忘门（forget gate）决定保留什么；" +
                                              "困惑度（perplexity）越低越好。Python（一种语言）不是术语。").ToList();

        Assert.Equal(["backpropagation through time", "forget gate", "perplexity"], found.Select(f => f.Entry.English));
        Assert.Equal("我们用随时间反向传播", found[0].Chinese);
        Assert.DoesNotContain(found[0].Entry.Chinese, c => found[0].Chinese.EndsWith(c, StringComparison.Ordinal));
        Assert.EndsWith("遗忘门", found[1].Chinese);
        Assert.EndsWith("困惑度", found[2].Chinese);

        var spaced = Glossary.GlossedInChinese("只数 n 元语法（n-gram）不够；**加 k 平滑**（add-k smoothing; k = 1）。").ToList();
        Assert.Equal(["n-gram", "add-k smoothing"], spaced.Select(f => f.Entry.English));
        Assert.Equal(["只数 n 元语法", "加 k 平滑"], spaced.Select(f => f.Chinese));
    }

    [Fact]
    public void The_check_finds_a_rejected_variant_and_a_different_gloss()
    {
        var found = Glossary.Glossed("We use **backpropagation through time** (随时间反向传播, BPTT) and the forget gate (忘记门).").ToList();

        Assert.Equal(["backpropagation through time", "forget gate"], found.Select(f => f.Entry.English));
        Assert.Equal("随时间反向传播", found[0].Chinese);
        Assert.Contains("随时间反向传播", found[0].Entry.Rejected);
        Assert.DoesNotContain(found[1].Entry.Chinese, c => "忘记门".Contains(c, StringComparison.Ordinal));
    }
}
