using RnnKit.Cli.Verbs;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises;

public class GraderTests
{
    private static Notebook Teacher()
    {
        var nb = new Notebook();
        nb.Cells.Add(Cell.Code("using RnnKit.Exercises;"));
        nb.Cells.Add(Cell.Code("// Exercise 1: Two (1 point)\n// BEGIN SOLUTION\nint two = 2;\n// END SOLUTION"));
        nb.Cells.Add(Cell.Code("// Tests for 1\nCheck.Equal(\"two\", two, 2);"));
        nb.Cells.Add(Cell.Code("// Exercise 2: Twice (2 points)\nstatic int Twice(int x)\n{\n    // BEGIN SOLUTION\n    return 2 * x;\n    // END SOLUTION\n}"));
        nb.Cells.Add(Cell.Code("// Tests for 2\nCheck.Equal(\"Twice(two)\", Twice(two), 4);"));
        return nb;
    }

    [Fact]
    public async Task A_submission_that_kills_its_process_loses_only_that_exercise()
    {
        var folder = Repo.TempFolder();
        var teacher = Teacher();
        teacher.Save(Path.Combine(folder, "source", "numbers.ipynb"));
        var student = StudentVersion.Create(teacher);
        student.Cells[1].Source = "// Exercise 1: Two (1 point)\nEnvironment.Exit(3);";
        student.Cells[3].Source = "// Exercise 2: Twice (2 points)\nstatic int Twice(int x) => x + x;";
        var submission = Path.Combine(folder, "numbers.ipynb");
        student.Save(submission);

        var grader = new Grader(Path.Combine(folder, "source"), GradeVerb.WorkerCommand(), new GradeOptions { CellTimeout = TimeSpan.FromSeconds(8) });
        var grade = await grader.GradeAsync(submission);

        Assert.True(grade.Score == 2 && grade.Max == 3, string.Join("\n", grade.Exercises));
        var crashed = grade.Exercises[0];
        Assert.Equal(ExerciseStatus.Error, crashed.Status);
        Assert.Contains("the notebook's process died in cell 2 (exit code 3)", crashed.Feedback);
        // Exercise 2 uses `two` from exercise 1: the teacher's answer stood in for the crashed one.
        Assert.Equal(ExerciseStatus.Passed, grade.Exercises[1].Status);
    }

    [Fact]
    public void Grading_notebook_restores_tests_and_adds_fallbacks()
    {
        var teacher = Teacher();
        var exercises = ExerciseParser.Parse(teacher);
        var student = StudentVersion.Create(teacher);
        student.Cells[2].Source = "// Tests for 1\n// I removed the check";
        student.Cells.RemoveAt(4);
        student.Cells.Add(Cell.Code("Console.WriteLine(\"my own cell\");"));

        var grading = GradingNotebook.Build(teacher, exercises, student, new HashSet<string>(), new HashSet<int>());
        var roles = grading.Cells.Select((c, i) => GradingRole.Of(c, i)).Select(r => (r.Role, r.Exercise)).ToList();
        Assert.Equal(
        [
            (CellRole.Other, null), (CellRole.Answer, "1"), (CellRole.Test, "1"), (CellRole.Fallback, "1"),
            (CellRole.Answer, "2"), (CellRole.Test, "2"), (CellRole.Fallback, "2"), (CellRole.Other, null),
        ], roles);
        Assert.Equal(teacher.Cells[2].Source, grading.Cells[2].Source);
        Assert.Equal(teacher.Cells[4].Source, grading.Cells[5].Source);
        Assert.Equal(teacher.Cells[3].Source, grading.Cells[6].Source);

        var skipped = GradingNotebook.Build(teacher, exercises, student, new HashSet<string> { "1" }, new HashSet<int>());
        Assert.Equal([CellRole.Other, CellRole.Fallback, CellRole.Answer, CellRole.Test, CellRole.Fallback, CellRole.Other],
            skipped.Cells.Select((c, i) => GradingRole.Of(c, i).Role));
    }
}
