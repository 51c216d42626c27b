using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>The kinds of drift between a twin and its English lesson (issue #23).</summary>
internal enum DriftKind
{
    /// <summary>The metadata's language is missing, unknown or disagrees with the file name.</summary>
    Language,
    /// <summary>A twin whose English lesson is not beside it.</summary>
    NoEnglishLesson,
    /// <summary>The number, order or kinds of cells differ.</summary>
    Cells,
    /// <summary>A code cell differs on Roslyn's tokens beyond comments and string literals.</summary>
    Code,
    /// <summary>The exercises (ids, points, cells, solution and hidden-test blocks) differ.</summary>
    Exercises,
    /// <summary>A Markdown cell of the twin is still (mostly) English.</summary>
    English,
    /// <summary>A displayed formula ($$…$$) of the English cell is missing from the twin's.</summary>
    Math,
    /// <summary>A twin links to an English lesson whose twin exists.</summary>
    Link,
    /// <summary>A glossary term's rejected variant.</summary>
    Glossary,
}

/// <summary>One difference between a twin and its English lesson. <paramref name="Cell"/> is 1-based (null: the file).</summary>
internal sealed record Drift(DriftKind Kind, int? Cell, string Message)
{
    public override string ToString() => $"{(Cell is { } c ? $"cell {c}: " : "")}{Kind}: {Message}";
}

/// <summary>
/// The drift test's rules (docs/translating.md): a twin (<c>NN-words.zh.ipynb</c>) has its English lesson's cells —
/// the same number, order and kinds; code cells equal on Roslyn's tokens except comments and string literals (an
/// interpolated string's text parts may differ, be added or dropped; its holes, in order, and format clauses may not; a translated literal keeps the
/// English one's <c>{0:F2}</c> placeholders; <c>#r</c> and other directives are code); the same exercises; Markdown in
/// Chinese (<see cref="MinimumHanShare"/>), keeping the English cell's displayed formulas; links to lessons that have a
/// twin go to the twin; and neither edition uses a glossary term's rejected variant.
/// </summary>
internal static partial class TwinDrift
{
    /// <summary>
    /// The least share of Han characters among a Markdown cell's prose characters (Han characters and Latin letters,
    /// outside math, code, link targets and HTML tags). Chinese needs about a quarter of the characters English needs
    /// for one sentence, so a translated cell with English terms in parentheses scores 0.6–0.9 and a cell left in
    /// English below 0.1; a cell half left in English scores about 0.2.
    /// </summary>
    public const double MinimumHanShare = 0.3;

    /// <summary>Cells with fewer prose characters than this (a formula, a code span, "## LSTM") are not held to
    /// <see cref="MinimumHanShare"/> — but one that is the English cell unchanged and has English words is.</summary>
    public const int MinimumProse = 20;

    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Checks the twin at <paramref name="twinPath"/> against the English lesson beside it.</summary>
    /// <param name="rejected">The glossary's rejected variants: (variant, English term, accepted term).</param>
    public static List<Drift> Check(string twinPath, IEnumerable<(string Variant, string English, string Accepted)> rejected)
    {
        var twin = Notebook.Load(twinPath);
        var drift = new List<Drift>();
        try
        {
            Editions.LanguageOf(twinPath, twin);
        }
        catch (NotebookInputException e)
        {
            drift.Add(new Drift(DriftKind.Language, null, e.Message));
        }
        if (!Editions.IsTwin(twinPath))
            drift.Add(new Drift(DriftKind.Language, null, $"{Path.GetFileName(twinPath)} is not a twin's name (NN-words.zh.ipynb)"));
        var englishPath = Editions.EnglishOf(twinPath);
        if (!File.Exists(englishPath))
        {
            drift.Add(new Drift(DriftKind.NoEnglishLesson, null, $"no English lesson {Path.GetFileName(englishPath)} beside {Path.GetFileName(twinPath)}"));
            return drift;
        }
        var english = Notebook.Load(englishPath);
        drift.AddRange(Compare(english, twin));
        drift.AddRange(Links(twin, Path.GetDirectoryName(Path.GetFullPath(twinPath))!));
        var variants = rejected.ToList();
        drift.AddRange(RejectedVariants(twin, variants, "the twin"));
        drift.AddRange(RejectedVariants(english, variants, $"the English lesson {Path.GetFileName(englishPath)}"));
        return drift;
    }

    /// <summary>Cells, code, exercises, prose language and formulas.</summary>
    public static List<Drift> Compare(Notebook english, Notebook twin)
    {
        var drift = new List<Drift>();
        var kinds = string.Join(" ", english.Cells.Select(c => Kind(c.Type)));
        var twinKinds = string.Join(" ", twin.Cells.Select(c => Kind(c.Type)));
        if (kinds != twinKinds)
        {
            drift.Add(new Drift(DriftKind.Cells, null,
                $"the English lesson has {english.Cells.Count} cells ({kinds}), the twin {twin.Cells.Count} ({twinKinds}); " +
                $"first difference at cell {FirstDifference(english, twin) + 1}"));
            return drift;
        }
        for (var i = 0; i < english.Cells.Count; i++)
        {
            var (en, zh) = (english.Cells[i], twin.Cells[i]);
            if (en.Type == CellType.Code)
            {
                if (CodeDifference(en.Source, zh.Source) is { } difference)
                    drift.Add(new Drift(DriftKind.Code, i + 1, difference));
            }
            else if (en.Type == CellType.Markdown)
            {
                if (EnglishLeft(en.Source, zh.Source) is { } english_)
                    drift.Add(new Drift(DriftKind.English, i + 1, english_));
                foreach (var formula in DisplayMath().Matches(en.Source).Select(m => m.Value).Distinct())
                    if (!MathOf(zh.Source).Contains(MathOf(formula), StringComparison.Ordinal))
                        drift.Add(new Drift(DriftKind.Math, i + 1, $"the English cell's formula {Short(formula)} is not in the twin's cell (keep math unchanged)"));
            }
        }
        drift.AddRange(ExerciseDifferences(english, twin));
        return drift;
    }

    /// <summary>Where two cells' code differs beyond comments and string literals, the first difference; else null.</summary>
    public static string? CodeDifference(string english, string twin)
    {
        var a = Tokens(english);
        var b = Tokens(twin);
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i >= a.Count) return $"the twin has more code: '{b[i].Text}' on line {b[i].Line}";
            if (i >= b.Count) return $"the twin's code ends before the English '{a[i].Text}' (line {a[i].Line})";
            if (a[i].Kind != b[i].Kind || (!a[i].Translatable && a[i].Text != b[i].Text))
                return $"line {b[i].Line}: the twin has '{Short(b[i].Text)}' where the English lesson has '{Short(a[i].Text)}' (line {a[i].Line}); " +
                       "only comments and string literals may be translated";
            if (a[i].Translatable && Placeholders(a[i].Text) != Placeholders(b[i].Text))
                return $"line {b[i].Line}: the translated string {Short(b[i].Text)} has the placeholders [{Placeholders(b[i].Text)}], " +
                       $"the English one [{Placeholders(a[i].Text)}]; format placeholders stay as they are";
        }
        return null;
    }

    private sealed record Token(SyntaxKind Kind, string Text, bool Translatable, int Line);

    /// <summary>
    /// The tokens compared: every token of the cell, those inside directives (#r, #!time) included; comments are
    /// trivia, so they are not here. A string literal is compared by its kind and placeholders only (translatable); the
    /// text parts of an interpolated string are left out, so a translation may add or drop text around the holes —
    /// the holes' code and format clauses are compared as code. Literals inside a directive are code.
    /// </summary>
    private static List<Token> Tokens(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, Script).GetRoot();
        return root.DescendantTokens(descendIntoTrivia: true)
            .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && !t.IsKind(SyntaxKind.EndOfDirectiveToken))
            .Where(t => !(t.IsKind(SyntaxKind.InterpolatedStringTextToken) && t.Parent is InterpolatedStringTextSyntax))
            .Select(t => new Token(t.Kind(), t.Text, Translatable(t), t.GetLocation().GetLineSpan().StartLinePosition.Line + 1))
            .ToList();
    }

    private static bool Translatable(SyntaxToken token) =>
        token.Parent?.AncestorsAndSelf().Any(n => n is DirectiveTriviaSyntax) != true && token.Kind() is
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken
            or SyntaxKind.Utf8MultiLineRawStringLiteralToken;

    /// <summary>A string's composite-format placeholders ({0}, {1:F2}), in order.</summary>
    private static string Placeholders(string literal) =>
        string.Join(" ", FormatPlaceholder().Matches(literal.Replace("{{", "").Replace("}}", "")).Select(m => m.Value));

    /// <summary>Why a twin's Markdown cell counts as left in English, or null.</summary>
    public static string? EnglishLeft(string english, string twin)
    {
        var (han, latin) = ProseCharacters(twin);
        if (han + latin >= MinimumProse)
        {
            var share = (double)han / (han + latin);
            return share < MinimumHanShare
                ? $"{share:P0} of its prose characters are Chinese ({han} Han characters, {latin} Latin letters), below {MinimumHanShare:P0}: translate it"
                : null;
        }
        return twin == english && latin > 0 && EnglishWord().IsMatch(Prose(english))
            ? "it is the English cell unchanged: translate it"
            : null;
    }

    /// <summary>Han characters and Latin letters of the prose: outside math, code, link targets, HTML tags, URLs and the
    /// English terms a Chinese sentence gives in parentheses ("遗忘门（forget gate）").</summary>
    public static (int Han, int Latin) ProseCharacters(string markdown)
    {
        var prose = Prose(markdown);
        return (prose.Count(IsHan), prose.Count(char.IsAsciiLetter));
    }

    private static string Prose(string markdown)
    {
        var text = CodeBlock().Replace(markdown, " ");
        text = DisplayMath().Replace(text, " ");
        text = InlineMath().Replace(text, " ");
        text = CodeSpan().Replace(text, " ");
        text = LinkTarget().Replace(text, " ");
        text = Url().Replace(text, " ");
        return EnglishGloss().Replace(text, " ");
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static IEnumerable<Drift> ExerciseDifferences(Notebook english, Notebook twin)
    {
        IReadOnlyList<Exercise> a, b;
        try
        {
            a = ExerciseParser.Parse(english);
            b = ExerciseParser.Parse(twin);
        }
        catch (ExerciseMarkupException e)
        {
            return [new Drift(DriftKind.Exercises, null, e.Message)];
        }
        static string Shape(Exercise e) =>
            $"{e.Id} ({e.Points} points) answer in cell {e.AnswerCell + 1}, {e.Solutions.Count} solution block(s), tests in cell(s) " +
            string.Join(", ", e.Tests.Select(t => $"{t.Cell + 1} with {t.Hidden.Count} hidden block(s)"));
        var drift = new List<Drift>();
        var (shapesA, shapesB) = (a.Select(Shape).ToList(), b.Select(Shape).ToList());
        for (var i = 0; i < Math.Max(shapesA.Count, shapesB.Count); i++)
        {
            var (x, y) = (i < shapesA.Count ? shapesA[i] : "nothing", i < shapesB.Count ? shapesB[i] : "nothing");
            if (x != y)
                drift.Add(new Drift(DriftKind.Exercises, null, $"exercise {i + 1}: the English lesson has {x}, the twin {y} " +
                                                                "(keep '// Exercise ID: … (N points)' and the BEGIN/END markers as they are)"));
        }
        return drift;
    }

    /// <summary>Links from a twin to an English lesson whose twin is in <paramref name="folder"/>.</summary>
    private static IEnumerable<Drift> Links(Notebook twin, string folder)
    {
        for (var i = 0; i < twin.Cells.Count; i++)
        {
            if (twin.Cells[i].Type != CellType.Markdown) continue;
            foreach (Match m in LessonLink().Matches(twin.Cells[i].Source))
            {
                var target = m.Groups["file"].Value;
                if (Editions.IsTwin(target)) continue;
                var twinTarget = Path.GetFileName(Editions.TwinOf(target, Editions.Chinese));
                if (File.Exists(Path.Combine(folder, twinTarget)))
                    yield return new Drift(DriftKind.Link, i + 1, $"links to {target}; link to its twin {twinTarget}");
            }
        }
    }

    private static IEnumerable<Drift> RejectedVariants(Notebook notebook, IReadOnlyList<(string Variant, string English, string Accepted)> rejected, string which)
    {
        for (var i = 0; i < notebook.Cells.Count; i++)
            foreach (var (variant, term, accepted) in rejected)
                if (notebook.Cells[i].Source.Contains(variant, StringComparison.Ordinal))
                    yield return new Drift(DriftKind.Glossary, i + 1, $"{which} writes '{variant}' for {term}; the glossary says {accepted}");
    }

    private static string Kind(CellType type) => type switch { CellType.Code => "code", CellType.Markdown => "md", _ => "raw" };

    private static int FirstDifference(Notebook a, Notebook b)
    {
        var i = 0;
        while (i < a.Cells.Count && i < b.Cells.Count && a.Cells[i].Type == b.Cells[i].Type) i++;
        return i;
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    /// <summary>A formula's math, to compare across editions: spaces aside, and without the words of its
    /// <c>\text{…}</c> (a formula's words are prose, which the twin translates: \text{otherwise} → \text{否则}).</summary>
    internal static string MathOf(string text) => Squeeze(TextInMath().Replace(text, ""));

    [GeneratedRegex(@"\\text\{[^{}]*\}")]
    private static partial Regex TextInMath();

    private static string Short(string text)
    {
        var one = text.ReplaceLineEndings(" ");
        return one.Length <= 60 ? one : one[..57] + "…";
    }

    [GeneratedRegex(@"\$\$.*?\$\$", RegexOptions.Singleline)]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"\$[^$\n]+\$")]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\([^)]*\)|<[^>\n]+>")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"（[^）\n]*）|(?<=\p{IsCJKUnifiedIdeographs}\**)\s*\([^)\n]*\)")]
    private static partial Regex EnglishGloss();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    /// <summary>A word of three letters or more in lower case (or capitalised): prose, not a symbol (W_aa) or an acronym (LSTM).</summary>
    [GeneratedRegex(@"\b[A-Za-z][a-z]{2,}\b")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:[^{}]*)?\}")]
    private static partial Regex FormatPlaceholder();

    [GeneratedRegex(@"\]\((?:\./)?(?<file>\d\d-[a-z0-9-]+(\.[a-z]+)?\.ipynb)(#[^)]*)?\)")]
    private static partial Regex LessonLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
