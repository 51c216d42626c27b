using System.Text.Json.Nodes;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// The drift test (issue #23): every Chinese twin in notebooks/ is its English lesson translated — the same cells, the
/// same code up to comments and string literals, the same exercises, its prose in Chinese, its formulas kept, its
/// links on twins, no rejected glossary variant in either edition (<see cref="TwinDrift"/>). Each kind of drift is
/// shown to be found on a fixture (Fixtures/twins) changed in that one way.
/// </summary>
public class TwinDriftTests
{
    private static IEnumerable<(string Variant, string English, string Accepted)> Rejected =>
        Glossary.Entries.SelectMany(e => e.Rejected.Select(r => (r, e.English, e.Chinese[0])));

    private static readonly string FixtureFolder = Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Fixtures", "twins");
    private const string FixtureLesson = "50-a-twins-fixture";

    [Theory]
    [MemberData(nameof(LessonTests.Lessons), MemberType = typeof(LessonTests))]
    public void A_lessons_chinese_twin_has_not_drifted(string lesson)
    {
        var twin = Editions.TwinOf(Repo.PathOf("notebooks", lesson), Editions.Chinese);
        if (!File.Exists(twin)) Assert.Skip($"{lesson} has no Chinese twin yet ({Path.GetFileName(twin)})");

        var drift = TwinDrift.Check(twin, Rejected);

        Assert.True(drift.Count == 0, $"{Path.GetFileName(twin)} has drifted from {lesson}:\n  " + string.Join("\n  ", drift));
    }

    [Fact]
    public void Every_twin_has_its_english_lesson_beside_it()
    {
        var orphans = LessonTests.TwinFiles().Where(t => !File.Exists(Editions.EnglishOf(t))).Select(Path.GetFileName).ToList();
        Assert.True(orphans.Count == 0, "twins without an English lesson: " + string.Join(", ", orphans));
    }

    [Fact]
    public void The_fixtures_twin_translates_comments_strings_and_prose_and_has_not_drifted()
    {
        var drift = TwinDrift.Check(Path.Combine(FixtureFolder, FixtureLesson + ".zh.ipynb"), Rejected);

        Assert.True(drift.Count == 0, string.Join("\n", drift));
    }

    /// <summary>One change to the fixture's English lesson or twin (cells are 0-based here), and the drift it is.</summary>
    private sealed record Case(DriftKind Kind, Action<Notebook, Notebook> Change, bool DropEnglish = false);

    private static void Replace(Notebook notebook, int cell, string from, string to)
    {
        Assert.Contains(from, notebook.Cells[cell].Source);
        notebook.Cells[cell].Source = notebook.Cells[cell].Source.Replace(from, to, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["a number in the code"] = new(DriftKind.Code, (_, zh) => Replace(zh, 1, "hidden = 4", "hidden = 5")),
        ["a renamed variable"] = new(DriftKind.Code, (_, zh) => Replace(zh, 1, "var label", "var name")),
        ["an interpolation's hole"] = new(DriftKind.Code, (_, zh) => Replace(zh, 1, "{hidden,3:F1}", "{hidden + 1,3:F1}")),
        ["an interpolation's format"] = new(DriftKind.Code, (_, zh) => Replace(zh, 1, "{hidden,3:F1}", "{hidden,3:F2}")),
        ["a translated string's placeholder"] = new(DriftKind.Code, (_, zh) => Replace(zh, 1, "\"{0} / {1}\"", "\"{0} / 2\"")),
        ["a magic command added"] = new(DriftKind.Code, (_, zh) => zh.Cells[1].Source = "#!time\n" + zh.Cells[1].Source),
        ["code moved into a comment"] = new(DriftKind.Code, (_, zh) => Replace(zh, 4, "if (Double(3) != 6)", "// if (Double(3) != 6)\n")),
        ["a cell added"] = new(DriftKind.Cells, (_, zh) => zh.Cells.Add(Cell.Markdown("## 小结\n\n本课到此结束，下一课讲长短期记忆网络。"))),
        ["two cells swapped"] = new(DriftKind.Cells, (_, zh) => (zh.Cells[1], zh.Cells[2]) = (zh.Cells[2], zh.Cells[1])),
        ["a Markdown cell made code"] = new(DriftKind.Cells, (_, zh) => zh.Cells[2].Type = CellType.Code),
        ["a Markdown cell left in English"] = new(DriftKind.English, (en, zh) => zh.Cells[2].Source = en.Cells[2].Source),
        ["a Markdown cell half in English"] = new(DriftKind.English, (en, zh) =>
            zh.Cells[0].Source += "\n\nThe same weights are used at every step, which is why the network can read sequences of any " +
                                  "length and why its gradients flow back through every step of the sequence."),
        ["a short heading left in English"] = new(DriftKind.English, (en, zh) =>
        {
            zh.Cells.Insert(3, Cell.Markdown("## Now try it"));
            en.Cells.Insert(3, Cell.Markdown("## Now try it"));
        }),
        ["a formula changed"] = new(DriftKind.Math, (_, zh) => Replace(zh, 0, @"= \tanh(", @"= \sigma(")),
        ["a link to an English lesson that has a twin"] = new(DriftKind.Link, (_, zh) => Replace(zh, 0, "51-the-other-lesson.zh.ipynb", "51-the-other-lesson.ipynb")),
        ["a rejected variant in the twin"] = new(DriftKind.Glossary, (_, zh) => Replace(zh, 0, "**循环神经网络**", "**递归神经网络**")),
        ["a rejected variant in the English lesson"] = new(DriftKind.Glossary, (en, _) => Replace(en, 0, "(循环神经网络)", "(递归神经网络)")),
        ["an exercise header translated"] = new(DriftKind.Exercises, (_, zh) => Replace(zh, 3, "// Exercise 50.1: 把一个数加倍 (1 point)", "// 练习 50.1：把一个数加倍（1 分）")),
        ["an exercise's points changed"] = new(DriftKind.Exercises, (_, zh) => Replace(zh, 3, "(1 point)", "(2 points)")),
        ["a hidden-test marker translated"] = new(DriftKind.Exercises, (_, zh) => Replace(zh, 4, "// BEGIN HIDDEN TESTS", "// 隐藏测试开始")),
        ["the language missing"] = new(DriftKind.Language, (_, zh) => zh.Metadata.Remove("rnnkit")),
        ["the language wrong"] = new(DriftKind.Language, (_, zh) => zh.Metadata["rnnkit"] = new JsonObject { ["language"] = "en" }),
        ["no English lesson"] = new(DriftKind.NoEnglishLesson, (_, _) => { }, DropEnglish: true),
    };

    public static TheoryData<string> Drifts() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Drifts))]
    public void Each_kind_of_drift_is_found_and_named(string change)
    {
        var (kind, apply, dropEnglish) = Cases[change];
        var folder = Repo.TempFolder("rnnkit-drift");
        var english = Notebook.Load(Path.Combine(FixtureFolder, FixtureLesson + ".ipynb"));
        var twin = Notebook.Load(Path.Combine(FixtureFolder, FixtureLesson + ".zh.ipynb"));
        apply(english, twin);
        if (!dropEnglish) english.Save(Path.Combine(folder, FixtureLesson + ".ipynb"));
        var twinPath = Path.Combine(folder, FixtureLesson + ".zh.ipynb");
        twin.Save(twinPath);
        // The lesson the fixture links to, in both editions, so a link to the English one is drift.
        foreach (var other in new[] { "51-the-other-lesson.ipynb", "51-the-other-lesson.zh.ipynb" })
            new Notebook().Save(Path.Combine(folder, other));

        var drift = TwinDrift.Check(twinPath, Rejected);

        Assert.True(drift.Count > 0 && drift.All(d => d.Kind == kind),
            $"{change}: expected {kind} drift only, found:\n  " + string.Join("\n  ", drift));
    }

    [Fact]
    public void The_python_tool_shows_both_side_by_side_and_reports_drift_too()
    {
        var python = Interop.RequireProgram("/usr/bin/python3", "python3");
        var tool = Repo.PathOf("tools", "notebooks", "nbtwin.py");
        var good = Interop.Run(python, [tool, "check", Path.Combine(FixtureFolder, FixtureLesson + ".zh.ipynb")], TimeSpan.FromSeconds(60));
        Assert.True(good.ExitCode == 0, good.Stdout + good.Stderr);

        var folder = Repo.TempFolder("rnnkit-nbtwin");
        var english = Notebook.Load(Path.Combine(FixtureFolder, FixtureLesson + ".ipynb"));
        var twin = Notebook.Load(Path.Combine(FixtureFolder, FixtureLesson + ".zh.ipynb"));
        Cases["a number in the code"].Change(english, twin);
        Cases["a Markdown cell left in English"].Change(english, twin);
        english.Save(Path.Combine(folder, FixtureLesson + ".ipynb"));
        var twinPath = Path.Combine(folder, FixtureLesson + ".zh.ipynb");
        twin.Save(twinPath);

        var bad = Interop.Run(python, [tool, "check", twinPath], TimeSpan.FromSeconds(60));
        Assert.True(bad.ExitCode == 1, bad.Stdout + bad.Stderr);
        Assert.Contains("cell 2: code differs outside comments and strings: the twin has '5' where the English has '4'", bad.Stdout);
        Assert.Contains("cell 3: 0% of the prose is Chinese", bad.Stdout);

        var page = Path.Combine(folder, "side.html");
        Assert.Equal(0, Interop.Run(python, [tool, "side-by-side", twinPath, "--html", page], TimeSpan.FromSeconds(60)).ExitCode);
        var html = File.ReadAllText(page);
        Assert.Contains("cell 4 · code / code", html);
        Assert.Contains("Double a number", html);
        Assert.Contains("把一个数加倍", html);
        Assert.Contains("the twin has &#x27;5&#x27;", html);
        var text = Interop.Run(python, [tool, "side-by-side", twinPath, "--width", "120"], TimeSpan.FromSeconds(60));
        Assert.Contains("50-a-twins-fixture.ipynb", text.Stdout);
        Assert.Contains("│ // Exercise 50.1: 把一个数加倍 (1 point)", text.Stdout);
    }

    [Fact]
    public void A_mostly_math_or_code_cell_is_not_held_to_the_chinese_share_but_an_unchanged_english_one_is()
    {
        Assert.Null(TwinDrift.EnglishLeft("$$h = \\tanh(W x)$$\n\n`Check.RnnStep(RnnCellForward)`", "$$h = \\tanh(W x)$$\n\n`Check.RnnStep(RnnCellForward)`"));
        Assert.Null(TwinDrift.EnglishLeft("## LSTM", "## LSTM"));
        Assert.Null(TwinDrift.EnglishLeft("## 4. Echo state networks", "## 4. 回声状态网络（echo state network, ESN）"));
        Assert.NotNull(TwinDrift.EnglishLeft("## Now try it", "## Now try it"));
        Assert.NotNull(TwinDrift.EnglishLeft("The gradient vanishes.", "The gradient vanishes along the way back."));
    }

    [Fact]
    public void A_formulas_words_are_translated_but_its_math_is_kept()
    {
        var english = @"$$p_t = \begin{cases}1 & \text{the pen lifts after point } t\\ 0 & \text{otherwise}\end{cases}$$";
        Assert.Equal(TwinDrift.MathOf(english), TwinDrift.MathOf(@"$$p_t = \begin{cases}1 & \text{第 } t \text{ 个点之后抬笔}\\ 0 & \text{否则}\end{cases}$$"));
        Assert.NotEqual(TwinDrift.MathOf(english), TwinDrift.MathOf(@"$$p_t = \begin{cases}1 & \text{第 } t+1 \text{ 个点之后抬笔}\\ 0 & \text{否则}\end{cases}$$"));
    }
}
