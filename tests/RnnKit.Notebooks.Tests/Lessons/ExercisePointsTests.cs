using System.Text;
using System.Text.RegularExpressions;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// The syllabus lists every lesson's exercises with their points and a difficulty mark, and the README the course's
/// totals, both read from the notebooks' exercise markup so they cannot drift: ★ a fill-in (1–2 points), ★★ a
/// function (3 points or more), ★★★ a backward pass (its test is one of the backward checks, or its title says so).
/// </summary>
public partial class ExercisePointsTests
{
    private sealed record Row(string Lesson, IReadOnlyList<(Exercise Exercise, string Mark)> Exercises)
    {
        public int Points => Exercises.Sum(e => e.Exercise.Points);

        public string Markdown => $"| {Lesson} | {string.Join(" · ", Exercises.Select(e => $"{e.Exercise.Id} {e.Exercise.Title} {e.Mark}"))} | {Points} |";
    }

    private static List<Row> Rows() => [.. LessonTests.LessonFiles().Select(path =>
    {
        var notebook = Notebook.Load(path);
        var exercises = ExerciseParser.Parse(notebook);
        return new Row(Path.GetFileName(path)[..2], [.. exercises.Select(e => (e, Mark(e, notebook)))]);
    })];

    private static string Mark(Exercise exercise, Notebook notebook)
    {
        var tests = string.Join("\n", exercise.Tests.Select(t => notebook.Cells[t.Cell].Source));
        if (BackwardCheck().IsMatch(tests) || exercise.Title.Contains("backward", StringComparison.OrdinalIgnoreCase)
            || exercise.Title.Contains("backpropagation", StringComparison.OrdinalIgnoreCase))
            return "★★★";
        return exercise.Points >= 3 ? "★★" : "★";
    }

    [GeneratedRegex(@"Check\.(RnnCellBackward|RnnBackward|LstmCellBackward|GruCellBackward|AttentionBackward|LastStateBackward|MixtureDensityGradient)\(")]
    private static partial Regex BackwardCheck();

    [Fact]
    public void The_syllabus_lists_each_lessons_exercises_points_and_difficulty()
    {
        Assert.SkipWhen(LessonTests.Selected is not null, "needs every lesson (RNNKIT_TEST_LESSONS is set)");
        var expected = new StringBuilder("| # | exercises | points |\n|---|---|---:|\n");
        foreach (var row in Rows()) expected.Append(row.Markdown).Append('\n');
        var syllabus = File.ReadAllText(Repo.PathOf("notebooks", "README.md")).ReplaceLineEndings("\n");
        Assert.True(syllabus.Contains(expected.ToString(), StringComparison.Ordinal),
            "notebooks/README.md's exercise table must be exactly (regenerate it from this message):\n" + expected);
    }

    [Fact]
    public void The_readme_states_the_courses_total_points_and_backward_passes()
    {
        Assert.SkipWhen(LessonTests.Selected is not null, "needs every lesson (RNNKIT_TEST_LESSONS is set)");
        var rows = Rows();
        var all = rows.SelectMany(r => r.Exercises).ToList();
        var sentence = $"{all.Count} graded exercises worth {all.Sum(e => e.Exercise.Points)} points, " +
                       $"{all.Count(e => e.Mark == "★★★")} of them backward passes";
        var readme = File.ReadAllText(Repo.PathOf("README.md"));
        Assert.True(readme.Contains(sentence, StringComparison.Ordinal), $"README.md must say: \"{sentence}\"");
    }
}
