using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// Every number a lesson's prose states is a setting of its code, an allowed fact, or a claim's measurement
/// (<see cref="ProseNumbers"/>), checked on the executed copies of the shared course build.
/// </summary>
public class ProseNumbersTests
{
    /// <summary>
    /// Lessons whose prose the claims issue has not yet bound to their runs (numbers accounted for, at least
    /// <see cref="ShortTrainingTests.MinimumClaims"/> claims). A lesson leaves this list when both hold; the list must
    /// end empty.
    /// </summary>
    internal static readonly HashSet<string> NotYetBound = [];

    /// <summary>Every edition: a twin states the English lesson's numbers, checked against the same code and the
    /// claims its own run printed.</summary>
    [Theory]
    [MemberData(nameof(LessonTests.LessonsAndTwins), MemberType = typeof(LessonTests))]
    public void Every_number_in_the_prose_is_a_setting_a_fact_or_a_claims_measurement(string lesson)
    {
        if (NotYetBound.Contains(lesson))
            Assert.Skip($"{lesson}: its prose is not yet bound to claims (ProseNumbersTests.NotYetBound)");
        var executed = Notebook.Load(Path.Combine(CourseBuild.Value.Executed, lesson));
        var problems = ProseNumbers.Check(Notebook.Load(Repo.PathOf("notebooks", lesson)), executed, lesson);

        Assert.True(problems.Count == 0,
            $"{lesson}: numbers in the prose that no setting, allowed fact or claim accounts for:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void The_check_names_each_unaccounted_number_and_accepts_settings_facts_and_claims()
    {
        var fixture = Notebook.Load(Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Fixtures", "claims", "numbers.ipynb"));

        var problems = ProseNumbers.Check(fixture, fixture, "99-numbers.ipynb");

        Assert.Equal([(1, "14"), (5, "98")], problems.Select(p => (p.Cell, p.Number)));
        Assert.Contains("trained on 14 million words", problems[0].Context);
    }

    [Fact]
    public void In_chinese_prose_a_number_beside_han_characters_counts_and_references_do_not()
    {
        var twin = new Notebook();
        twin.Cells.Add(Cell.Markdown("# 99 · 数字"));
        twin.Cells.Add(Cell.Markdown("训练300步之后，困惑度降到14。见第 3 课和练习 3.4。"));
        twin.Cells.Add(Cell.Code("var trainSteps = Kit.Steps(300);"));

        var problems = ProseNumbers.Check(twin, twin, "99-numbers.zh.ipynb");

        Assert.Equal([(2, "14")], problems.Select(p => (p.Cell, p.Number)));
    }
}
