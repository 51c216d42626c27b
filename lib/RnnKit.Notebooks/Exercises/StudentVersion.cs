using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// The student version of a teacher's notebook: every solution region replaced by a stub that compiles and
/// throws "Exercise ID: not done yet" when used (<see cref="SolutionStub"/>), hidden tests removed, all outputs
/// and execution counts cleared; everything else — cells, ids, metadata — as it was.
/// </summary>
public static class StudentVersion
{
    /// <summary>A new notebook; <paramref name="teacher"/> is not changed.</summary>
    /// <exception cref="ExerciseMarkupException">The teacher's markup is wrong (names notebook, cell, line).</exception>
    public static Notebook Create(Notebook teacher)
    {
        // A twin's stubs say "not done yet" in its language.
        using var language = KitSettings.Use(KitSettings.Current with { Language = Model.Editions.LanguageOrEnglish(teacher) });
        var student = WithStubs(teacher);
        foreach (var cell in student.Cells)
            cell.ClearOutputs();
        return student;
    }

    /// <summary>
    /// The page students may read, made from the teacher's executed notebook: solutions replaced by the stubs and
    /// hidden tests removed as in <see cref="Create"/>, the outputs of every answer and test cell cleared (they
    /// would show what the solution prints), every other cell's outputs kept. The course site of `rnnkit build
    /// --student` is made of these.
    /// </summary>
    /// <exception cref="ExerciseMarkupException">The teacher's markup is wrong (names notebook, cell, line).</exception>
    public static Notebook ForReading(Notebook executedTeacher)
    {
        var exercises = ExerciseParser.Parse(executedTeacher);
        using var language = KitSettings.Use(KitSettings.Current with { Language = Model.Editions.LanguageOrEnglish(executedTeacher) });
        var page = WithStubs(executedTeacher, exercises);
        foreach (var exercise in exercises)
        {
            page.Cells[exercise.AnswerCell].ClearOutputs();
            foreach (var test in exercise.Tests)
                page.Cells[test.Cell].ClearOutputs();
        }
        return page;
    }

    private static Notebook WithStubs(Notebook teacher, IReadOnlyList<Exercise>? parsed = null)
    {
        var exercises = parsed ?? ExerciseParser.Parse(teacher);
        var student = teacher.Clone();
        foreach (var exercise in exercises)
        {
            var answer = student.Cells[exercise.AnswerCell];
            answer.Source = SolutionStub.Apply(answer.Source, exercise, teacher.Path ?? "notebook");
            foreach (var test in exercise.Tests)
                student.Cells[test.Cell].Source = WithoutHidden(student.Cells[test.Cell].Source, test.Hidden);
        }
        return student;
    }

    private static string WithoutHidden(string source, IReadOnlyList<LineRange> hidden)
    {
        var lines = ExerciseMarkup.Lines(source);
        var kept = new List<string>();
        var next = 0;
        foreach (var region in hidden)
        {
            kept.AddRange(lines[next..region.Begin]);
            var marker = lines[region.Begin];
            kept.Add(marker[..(marker.Length - marker.TrimStart().Length)] + ExerciseMarkup.HiddenTestsNote);
            next = region.End + 1;
        }
        kept.AddRange(lines[next..]);
        return string.Join('\n', kept);
    }
}
