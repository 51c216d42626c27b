using System.Reflection;
using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>
/// The checks' feedback in the student's language (issue #23): with the run's language Chinese every message of the
/// catalog (<see cref="Feedback"/>) is Chinese and names the same mistake; English stays as it was (the other check
/// tests assert it); the Chinese messages use the glossary's terms, never a rejected variant.
/// </summary>
public partial class FeedbackTests
{
    private static readonly KitSettings Chinese = new(Language: KitSettings.Chinese);

    private static string Failure(Action check) => Assert.Throws<CheckFailedException>(check).Message;

    [Fact]
    public void A_wrong_shape_and_wrong_entries_are_told_in_chinese()
    {
        using var _ = KitSettings.Use(Chinese);
        var a = Matrix<double>.Build.Dense(5, 1);

        Assert.Equal("a_next 的形状是 (5, 1)，应为 (5, 10)。", Failure(() => Check.Shape("a_next", a, 5, 10)));
        var wrong = Failure(() => Check.Close("a_next", a, Matrix<double>.Build.Dense(5, 1, 1.0)));
        Assert.StartsWith("a_next 的形状 (5, 1) 是对的，但 5 个元素中有 5 个不对（最大绝对误差 1）：[0, 0] 是 0，应为 1；", wrong);
    }

    [Fact]
    public void A_backward_mistake_is_named_in_chinese_with_the_parts_already_right()
    {
        // dWaa computed with a⟨t⟩ instead of a⟨t−1⟩, everything else right.
        RnnCellGradients Student(Matrix<double> da, RnnCellCache c)
        {
            var dz = da.PointwiseMultiply(c.ANext.Map(v => 1 - v * v));
            return new RnnCellGradients(c.Wax.Transpose() * dz, c.Waa.Transpose() * dz, dz * c.Xt.Transpose(), dz * c.ANext.Transpose(),
                dz.RowSums().ToColumnMatrix());
        }

        var english = Failure(() => Check.RnnCellBackward(Student));
        string chinese;
        using (KitSettings.Use(Chinese))
            chinese = Failure(() => Check.RnnCellBackward(Student));

        Assert.Contains("dWaa is wrong: dWaa uses a⟨t⟩", english);
        Assert.Contains("dWaa 不对：dWaa 用了 a⟨t⟩；前向一步中循环权重乘的是 a⟨t−1⟩", chinese);
        Assert.Contains("已经正确的：dxt、da_prev、dWax、dba。", chinese);
    }

    [Fact]
    public void The_term_isolating_check_names_the_term_in_chinese()
    {
        using var _ = KitSettings.Use(Chinese);
        var message = Failure(() => Check.RnnStep((x, a, wax, waa, ba) => (wax * x + waa * a).Map(Math.Tanh)));

        Assert.StartsWith("a_next 不对；令 ba = 0 后就对了，所以请检查偏置 ba 是怎么加上的", message);
    }

    [Fact]
    public void A_claims_words_follow_the_language()
    {
        using var _ = KitSettings.Use(Chinese with { ClaimsReportOnly = false });
        var shown = new List<ClaimResult>();
        var previous = Claim.Shown;
        Claim.Shown = shown.Add;
        try
        {
            var failed = Assert.Throws<ClaimFailedException>(() => Claim.Between("困惑度回落", 3.0, 1.0, 2.0, "F1"));
            Assert.Equal("介于 1.0 与 2.0 之间", shown.Single().Condition);
            Assert.Equal("断言“困惑度回落”不成立：测得 3.0，需要 介于 1.0 与 2.0 之间", failed.Message);
        }
        finally
        {
            Claim.Shown = previous;
        }
    }

    /// <summary>Every message of the catalog, made with placeholder arguments, in English and in Chinese.</summary>
    public static TheoryData<string> Messages() =>
        new(typeof(Feedback).GetMembers(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(m => m is PropertyInfo { PropertyType.Name: "String" } || m is MethodInfo { ReturnType.Name: "String", IsSpecialName: false, IsPrivate: false } mi && mi.Name != nameof(Feedback.Say))
            .Select(m => m.Name).Distinct());

    private static IEnumerable<string> Render(string member)
    {
        foreach (var m in typeof(Feedback).GetMember(member, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            yield return m switch
            {
                PropertyInfo p => (string)p.GetValue(null)!,
                MethodInfo f => (string)f.Invoke(null, [.. f.GetParameters().Select(Placeholder)])!,
                _ => throw new InvalidOperationException(member),
            };
    }

    private static object Placeholder(ParameterInfo p) =>
        p.ParameterType == typeof(int) || p.ParameterType == typeof(int?) ? 7
        : p.ParameterType == typeof(double) ? 7.5
        : p.ParameterType == typeof(IEnumerable<string>) ? new[] { "x", "y" }
        : p.Name == "status" ? "passed" : "x";

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_has_a_chinese_version_with_the_glossarys_terms(string member)
    {
        var english = Render(member).ToList();
        List<string> chinese;
        using (KitSettings.Use(Chinese))
            chinese = Render(member).ToList();

        for (var i = 0; i < english.Count; i++)
        {
            Assert.NotEqual(english[i], chinese[i]);
            // Separators and joiners ("; " → "；", " or " → " 或 ") have no Han character to show; every sentence does.
            if (english[i].Trim().Length > 4)
                Assert.Matches(Han(), chinese[i]);
            foreach (var (variant, accepted) in RejectedVariants)
                Assert.False(chinese[i].Contains(variant, StringComparison.Ordinal), $"{member}: '{variant}' — the glossary says {accepted}");
        }
    }

    /// <summary>The rejected variants of docs/glossary.md's first table.</summary>
    private static readonly IReadOnlyList<(string Variant, string Accepted)> RejectedVariants =
        [.. File.ReadAllLines(Repo.PathOf("docs", "glossary.md"))
            .SkipWhile(l => !l.StartsWith("| English |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .SelectMany(c => c[3].Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(v => (v, c[1])))];

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
