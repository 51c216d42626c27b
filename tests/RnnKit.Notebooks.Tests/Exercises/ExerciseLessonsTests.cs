using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>
/// The checks every teacher's notebook with exercises must pass: its markup is valid, the teacher's version grades
/// full marks, and the untouched student version compiles cell by cell and grades 0 with every exercise saying
/// "not done yet" (a stub that did not compile would say something else).
/// Data-driven over <see cref="Folders"/>; a lesson's twins are left out (their code and exercise markup are the English
/// lesson's, <see cref="Lessons.TwinDriftTests"/>; <c>TwinGradingTests</c> grades a Chinese student copy).
/// </summary>
public class ExerciseLessonsTests
{
    /// <summary>The folders searched for notebooks with exercises: the fixtures and every lesson (only the lessons
    /// RNNKIT_TEST_LESSONS names, when it is set).</summary>
    private static readonly string[] Folders = [Fixtures.Folder, Repo.PathOf("notebooks")];

    public static TheoryData<string> TeacherNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
            foreach (var path in Directory.EnumerateFiles(folder, "*.ipynb").Order(StringComparer.Ordinal))
                if (!Editions.IsTwin(path) && ExerciseParser.Parse(Notebook.Load(path)).Count > 0 && (folder == Fixtures.Folder
                    || Lessons.LessonTests.Selected is not { } only || only.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal))))
                    data.Add(Path.GetRelativePath(Repo.Root, path));
        return data;
    }

    [Theory]
    [MemberData(nameof(TeacherNotebooks))]
    public void Every_answer_can_be_called_from_outside_the_students_process(string notebook)
    {
        // What `grade` needs of an answer cell (methods or typed variables at the top, no ref/out, no solution inside a
        // class): checked here in a moment, so an exercise added to a lesson is told before a class is graded.
        var teacher = Notebook.Load(Repo.PathOf(notebook));
        foreach (var e in ExerciseParser.Parse(teacher))
            Assert.NotEmpty(RnnKit.Notebooks.Exercises.Remote.AnswerSignature.Of(e, teacher.Cells[e.AnswerCell].Source, notebook).Names);
    }

    [Theory]
    [MemberData(nameof(TeacherNotebooks))]
    public void Teacher_grades_full_marks_and_untouched_student_version_zero(string notebook)
    {
        var teacher = Notebook.Load(Repo.PathOf(notebook));
        var student = StudentVersion.Create(teacher);

        var folder = Repo.TempFolder();
        var name = Path.GetFileName(notebook);
        File.Copy(Repo.PathOf(notebook), Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "teacher")).FullName, name));
        student.Save(Path.Combine(folder, "student", name));

        // A lesson's training cells may take tens of seconds on a loaded machine: give them the lesson budget.
        var result = Lessons.LessonRuns.OneAtATime(() =>
            Gradebooks.Grade(folder, Path.GetDirectoryName(Repo.PathOf(notebook))!, cellTimeoutSeconds: "180"));
        Assert.Equal(0, result.Run.ExitCode);
        var max = ExerciseParser.Parse(teacher).Sum(e => e.Points);
        var full = result.Submission($"teacher/{name}");
        Assert.True(full["score"]!.GetValue<int>() == max, full.ToJsonString());
        Assert.Equal(max, full["max"]!.GetValue<int>());
        var zero = result.Submission($"student/{name}");
        Assert.Equal(0, zero["score"]!.GetValue<int>());
        Assert.All(zero["exercises"]!.AsArray(), e => Assert.Contains($"Exercise {e!["id"]}: not done yet", e["feedback"]!.GetValue<string>()));
    }
}
