using System.Text.RegularExpressions;
using RnnKit.TestSupport;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>One row of docs/glossary.md's first table.</summary>
/// <param name="English">The English term, as lessons write it.</param>
/// <param name="Chinese">The accepted translations, preferred first.</param>
/// <param name="Symbol">The symbol(s), possibly empty.</param>
/// <param name="Rejected">Translations no lesson may use.</param>
internal sealed record GlossaryEntry(string English, IReadOnlyList<string> Chinese, string Symbol, IReadOnlyList<string> Rejected);

/// <summary>docs/glossary.md read as data: its first Markdown table, one <see cref="GlossaryEntry"/> per row.</summary>
internal static partial class Glossary
{
    public static string Path => Repo.PathOf("docs", "glossary.md");

    public static IReadOnlyList<GlossaryEntry> Entries { get; } = Read(File.ReadAllLines(Path));

    public static IReadOnlyList<GlossaryEntry> Read(IEnumerable<string> lines)
    {
        var rows = lines.SkipWhile(l => !l.StartsWith("| English |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'));
        return rows.Select(row =>
        {
            var cells = row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 4)
                throw new FormatException($"{Path}: the row '{row}' needs 4 cells (English | 简体中文 | symbol | rejected variants)");
            return new GlossaryEntry(cells[0], Split(cells[1], " / "), cells[2], Split(cells[3], ", "));
        }).ToList();
    }

    private static string[] Split(string cell, string separator) =>
        cell.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Where a text gives a Chinese term in parentheses right after an English glossary term — "the forget gate
    /// (遗忘门)", "**perplexity** (困惑度, PPL)" — the entry and the Chinese before the first comma or semicolon.
    /// </summary>
    public static IEnumerable<(GlossaryEntry Entry, string Chinese)> Glossed(string text)
    {
        foreach (Match m in GlossPattern().Matches(text))
        {
            var before = m.Groups["before"].Value.Replace("*", "").TrimEnd().ToLowerInvariant();
            var chinese = m.Groups["zh"].Value.Trim();
            var entry = Entries.Where(e => EndsWithTerm(before, e.English.ToLowerInvariant()))
                .MaxBy(e => e.English.Length);
            if (entry is not null) yield return (entry, chinese);
        }
    }

    /// <summary>
    /// Where a Chinese text (a twin) gives the English term in parentheses after its Chinese one — "遗忘门（forget gate）",
    /// "通过时间反向传播（backpropagation through time, BPTT）" — the entry and the run of Han characters before the
    /// parenthesis, which must end with the glossary's term.
    /// </summary>
    public static IEnumerable<(GlossaryEntry Entry, string Chinese)> GlossedInChinese(string text)
    {
        foreach (Match m in ChineseGlossPattern().Matches(text))
        {
            var english = m.Groups["en"].Value.Replace("*", "").Trim().ToLowerInvariant();
            var entry = Entries.Where(e => english == e.English.ToLowerInvariant() || english == e.English.ToLowerInvariant() + "s")
                .MaxBy(e => e.English.Length);
            if (entry is not null) yield return (entry, m.Groups["zh"].Value.Replace("*", ""));
        }
    }

    private static bool EndsWithTerm(string before, string term) =>
        (before.EndsWith(term, StringComparison.Ordinal) && Boundary(before, before.Length - term.Length))
        || (before.EndsWith(term + "s", StringComparison.Ordinal) && Boundary(before, before.Length - term.Length - 1));

    private static bool Boundary(string text, int start) => start == 0 || !char.IsLetterOrDigit(text[start - 1]) && text[start - 1] != '-';

    // Up to 60 characters of text, then "(" whose first part holds a Han character.
    [GeneratedRegex(@"(?<before>[^()\n]{1,60}?)\s*[(（](?<zh>[^,，;；)）]*\p{IsCJKUnifiedIdeographs}[^,，;；)）]*)")]
    private static partial Regex GlossPattern();

    // Han characters (bold marks allowed; a lone Latin letter or digit with single spaces too, as in the glossary's
    // "n 元语法", "加 k 平滑", "k均值聚类"), then "（" or "(" and the English words before the first comma or semicolon.
    [GeneratedRegex(@"(?<zh>(?:(?:[\p{IsCJKUnifiedIdeographs}*]|(?<![A-Za-z0-9_\-])[A-Za-z0-9](?![A-Za-z0-9_\-])) ?)*\p{IsCJKUnifiedIdeographs}\**)\s*[(（](?<en>[A-Za-z][^,，;；)）\n]*)")]
    private static partial Regex ChineseGlossPattern();
}
