using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.Notebooks.Tests.Exercises.Mutations;
using RnnKit.Notebooks.Tests.Lessons;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>
/// Wrong submissions made at test time from the teacher's own solutions (#19), so they follow the lessons as they
/// change: each named mistake of <see cref="Mistakes"/> is put into one answer, the submission is graded with
/// `rnnkit grade`, and it must lose exactly that exercise's points with feedback naming the mistake — in English
/// for the lesson, and in Chinese for its twin, whose code is the lesson's. The lesson is cut down to its setup, the
/// cheap cells its exercise tests read and the mutated exercises, so grading takes seconds, not a lesson's training.
/// </summary>
public class MutatedSolutionTests
{
    private static IEnumerable<string> Selected() => Mistakes.ByLesson.Keys.Where(l => LessonTests.LessonFiles().Any(f => Path.GetFileName(f) == l));

    public static TheoryData<string> Lessons() => [.. Selected()];

    public static TheoryData<string> Twins() => [.. Selected().Where(l => File.Exists(Repo.PathOf("notebooks", Twin(l))))];

    private static string Twin(string lesson) => Editions.TwinOf(lesson, Editions.Chinese);

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Each_mistake_costs_exactly_its_exercise_and_is_named(string lesson) => GradeMistakes(lesson, lesson, KitSettings.English);

    [Theory]
    [MemberData(nameof(Twins))]
    public void Each_mistake_in_the_chinese_twin_costs_exactly_its_exercise_and_is_named_in_chinese(string lesson) =>
        GradeMistakes(lesson, Twin(lesson), KitSettings.Chinese);

    /// <param name="lesson">The English lesson, whose mistakes are made.</param>
    /// <param name="edition">The file they are made in: the lesson or its twin.</param>
    /// <param name="language">The language the feedback must speak.</param>
    private static void GradeMistakes(string lesson, string edition, string language)
    {
        var mutations = Mistakes.ByLesson[lesson];
        var teacher = Notebook.Load(Repo.PathOf("notebooks", edition));
        var exercises = ExerciseParser.Parse(teacher).Where(e => mutations.Any(m => m.Exercise == e.Id)).ToList();
        var cut = CutDown(teacher, exercises, Mistakes.Context.GetValueOrDefault(lesson, []));

        var work = Repo.TempFolder("rnnkit-mutations");
        var source = Path.Combine(work, "source");
        Directory.CreateDirectory(source);
        cut.Save(Path.Combine(source, edition));
        var submissions = Path.Combine(work, "submissions");
        Submit(cut, Path.Combine(submissions, "honest", edition));
        // One mistake per exercise in each submission: the grader gives a failed exercise's later users the teacher's
        // answer, so the exercises are graded apart, and a lesson costs as many gradings as its most-mutated exercise.
        var rounds = mutations.GroupBy(m => m.Exercise).SelectMany(g => g.Select((m, round) => (Round: round, Mutation: m)))
            .GroupBy(r => r.Round, r => r.Mutation).Select(r => r.ToList()).ToList();
        for (var k = 0; k < rounds.Count; k++)
        {
            var wrong = cut;
            foreach (var m in rounds[k]) wrong = Mutate(wrong, ExerciseParser.Parse(cut).Single(e => e.Id == m.Exercise), m);
            Submit(wrong, Path.Combine(submissions, $"mistakes{k}", edition));
        }

        // A test cell may call the student's code thousands of times across the sandbox (12.3, 8.2): generous on a busy machine.
        var grades = Gradebooks.Grade(submissions, source, "180");
        var honest = exercises.Where(e => grades.Exercise($"honest/{edition}", e.Id)["score"]!.GetValue<int>() != e.Points)
            .Select(e => $"{e.Id}: {grades.Exercise($"honest/{edition}", e.Id)["feedback"]}").ToList();
        Assert.True(honest.Count == 0, $"{edition}: the teacher's own solution, cut down, loses points:\n{string.Join("\n", honest)}");
        var failures = new List<string>();
        for (var k = 0; k < rounds.Count; k++)
        {
            var file = $"mistakes{k}/{edition}";
            foreach (var e in exercises)
            {
                var m = rounds[k].SingleOrDefault(m => m.Exercise == e.Id);
                var score = grades.Exercise(file, e.Id)["score"]!.GetValue<int>();
                var feedback = grades.Exercise(file, e.Id)["feedback"]!.GetValue<string>();
                if (m is null && score != e.Points)
                    failures.Add($"{string.Join("; ", rounds[k])}: exercise {e.Id}, not mutated, scored {score} of {e.Points}; feedback: {feedback}");
                else if (m is not null && score != 0)
                    failures.Add($"{m}: scored {score} of {e.Points}, expected 0; feedback: {feedback}");
                else if (m?.Missing(feedback, language) is { } missing)
                    failures.Add($"{m}: the feedback does not name the mistake, it lacks {missing}:\n{feedback}");
            }
        }
        Assert.True(failures.Count == 0, $"{edition}: {failures.Count} of {mutations.Length} mistakes not told right:\n\n{string.Join("\n\n", failures)}");
    }

    /// <summary>The title, the setup cell, the exercises' usings, the context cells, and the exercises' answer and test cells.</summary>
    internal static Notebook CutDown(Notebook teacher, IReadOnlyList<Exercise> exercises, IReadOnlyList<string>? context = null)
    {
        var cut = teacher.Clone();
        cut.Cells.Clear();
        cut.Cells.Add(teacher.Cells[0].Clone());
        cut.Cells.Add(teacher.CodeCells.First().Clone());
        cut.Cells.Add(Cell.Code("using RnnKit.Exercises;"));
        foreach (var line in context ?? [])
        {
            var cell = teacher.CodeCells.FirstOrDefault(c => c.Source.Contains(line, StringComparison.Ordinal));
            Assert.True(cell is not null, $"no code cell of the lesson holds '{line}', which its exercise tests need: update the context to the lesson");
            cut.Cells.Add(cell.Clone());
        }
        foreach (var exercise in exercises)
            foreach (var index in exercise.Tests.Select(t => t.Cell).Prepend(exercise.AnswerCell))
                cut.Cells.Add(teacher.Cells[index].Clone());
        foreach (var cell in cut.Cells) cell.ClearOutputs();
        return cut;
    }

    internal static Notebook Mutate(Notebook cut, Exercise exercise, Mutation m)
    {
        var copy = cut.Clone();
        var cell = copy.Cells[exercise.AnswerCell];
        foreach (var (find, replace) in m.Edits)
        {
            Assert.True(cell.Source.Contains(find, StringComparison.Ordinal),
                $"exercise {m.Exercise}'s solution no longer contains '{find}': update the mutation to the lesson");
            cell.Source = cell.Source.Replace(find, replace, StringComparison.Ordinal);
        }
        return copy;
    }

    private static void Submit(Notebook notebook, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        notebook.Save(path);
    }
}
