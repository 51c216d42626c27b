using System.Text.RegularExpressions;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises.Mutations;

/// <summary>
/// The table of mistakes keeps up with the checks (#19): every message of the feedback catalog that a Check file
/// uses is named by a mutation of some lesson's solution, or <see cref="Mistakes.NotMistakes"/> says why not — so a
/// diagnostic added to a check without a wrong submission that reaches it fails here. Reads sources only; no grading.
/// </summary>
public partial class MistakesCoverageTests
{
    [GeneratedRegex(@"\bFeedback\.(\w+)")]
    private static partial Regex FeedbackUse();

    /// <summary>Each message the Check files use, with the files that use it.</summary>
    private static Dictionary<string, List<string>> UsedByChecks()
    {
        var folder = Repo.PathOf("lib", "RnnKit", "Exercises");
        var used = new Dictionary<string, List<string>>();
        foreach (var file in Directory.GetFiles(folder, "Check*.cs").Order(StringComparer.Ordinal))
            foreach (Match match in FeedbackUse().Matches(File.ReadAllText(file)))
                (used.TryGetValue(match.Groups[1].Value, out var files) ? files : used[match.Groups[1].Value] = []).Add(Path.GetFileName(file));
        Assert.NotEmpty(used);
        return used;
    }

    private static IEnumerable<Mutation> All => Mistakes.ByLesson.Values.SelectMany(m => m);

    [Fact]
    public void Every_diagnostic_of_a_check_is_named_by_a_mutation_or_said_why_not()
    {
        var named = All.SelectMany(m => m.Messages).ToHashSet();
        var missing = UsedByChecks().Where(u => !named.Contains(u.Key) && !Mistakes.NotMistakes.ContainsKey(u.Key))
            .Select(u => $"Feedback.{u.Key} (used in {string.Join(", ", u.Value.Distinct())})").ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} diagnostics have no wrong submission that reaches them: add a mutation to Mistakes.ByLesson, or say in " +
            $"Mistakes.NotMistakes why no plausible mistake does:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void What_is_said_not_to_be_a_mistake_is_used_by_a_check_and_named_by_no_mutation()
    {
        var used = UsedByChecks();
        var named = All.SelectMany(m => m.Messages).ToHashSet();
        Assert.Empty(Mistakes.NotMistakes.Keys.Where(k => !used.ContainsKey(k)).Select(k => $"{k}: no Check file uses it any more"));
        Assert.Empty(Mistakes.NotMistakes.Keys.Where(named.Contains).Select(k => $"{k}: a mutation names it now, so it is a mistake"));
    }

    [Fact]
    public void Every_message_a_mutation_names_is_in_the_catalog_with_words_in_both_languages()
    {
        foreach (var message in All.SelectMany(m => m.Messages).Distinct())
        {
            Assert.True(FeedbackWords.Members.Contains(message), $"Feedback has no message {message}");
            foreach (var language in new[] { Editions.English, Editions.Chinese })
                Assert.All(FeedbackWords.Of(message, language), runs => Assert.True(runs.Sum(r => r.Length) >= 4,
                    $"Feedback.{message} in {language}: '{string.Join("' … '", runs)}' is too little to find"));
        }
    }

    [Fact]
    public void Every_graded_exercise_has_a_mutation_or_is_said_why_not()
    {
        var mutated = All.Select(m => m.Exercise).ToHashSet();
        var exercises = Directory.GetFiles(Repo.PathOf("notebooks"), "*" + NotebookFiles.Extension).Where(f => !Editions.IsTwin(f))
            .SelectMany(f => ExerciseParser.Parse(Notebook.Load(f))).Select(e => e.Id).ToHashSet();
        Assert.Empty(exercises.Where(id => !mutated.Contains(id) && !Mistakes.Unmutated.ContainsKey(id)).Select(id => $"exercise {id} has no mutation"));
        Assert.Empty(Mistakes.Unmutated.Keys.Where(id => mutated.Contains(id) || !exercises.Contains(id)).Select(id => $"{id}: mutated now, or no such exercise"));
    }

    [Fact]
    public void Every_lesson_has_its_mistakes_and_every_one_names_a_graded_exercise_of_it()
    {
        foreach (var file in Directory.GetFiles(Repo.PathOf("notebooks"), "*" + NotebookFiles.Extension).Where(f => !Editions.IsTwin(f)))
        {
            var lesson = Path.GetFileName(file);
            Assert.True(Mistakes.ByLesson.ContainsKey(lesson), $"{lesson} has no mistakes in Mistakes.ByLesson");
            var ids = ExerciseParser.Parse(Notebook.Load(file)).Select(e => e.Id).ToHashSet();
            Assert.All(Mistakes.ByLesson[lesson], m => Assert.True(ids.Contains(m.Exercise), $"{lesson} has no exercise {m.Exercise}"));
            // The twin is cut down by the same lines: code, not a comment or a string its translation changes.
            foreach (var edition in new[] { file, Editions.TwinOf(file, Editions.Chinese) }.Where(File.Exists))
                Assert.All(Mistakes.Context.GetValueOrDefault(lesson, []), line => Assert.True(
                    Notebook.Load(edition).CodeCells.Any(c => c.Source.Contains(line, StringComparison.Ordinal)), $"no code cell of {Path.GetFileName(edition)} holds '{line}'"));
        }
    }
}
