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

    /// <summary>Grades the student version of <paramref name="teacher"/> (saved as <paramref name="file"/>) with these
    /// two answers after each exercise's header.</summary>
    private static async Task<SubmissionGrade> GradeAsync(Notebook teacher, string file, string answer1, string answer2, double seconds)
    {
        Interop.RequireSandbox();
        var folder = Repo.TempFolder();
        teacher.Save(Path.Combine(folder, "source", file));
        var student = StudentVersion.Create(teacher);
        student.Cells[1].Source = "// Exercise 1: Two (1 point)\n" + answer1;
        student.Cells[3].Source = "// Exercise 2: Twice (2 points)\n" + answer2;
        var submission = Path.Combine(folder, file);
        student.Save(submission);
        var grader = new Grader(Path.Combine(folder, "source"), GradeVerb.WorkerCommand(), new GradeOptions { CellTimeout = TimeSpan.FromSeconds(seconds) });
        return await grader.GradeAsync(submission);
    }

    [Fact]
    public async Task A_submission_that_kills_its_process_loses_only_that_exercise()
    {
        // Exercise 2 uses exercise 1's `two`: after exercise 1 failed, the teacher's value stands in for it.
        var grade = await GradeAsync(Teacher(), "numbers.ipynb", "int two = 2;\nEnvironment.Exit(3);", "int Twice(int x) => x * two;", seconds: 8);

        Assert.True(grade.Score == 2 && grade.Max == 3, string.Join("\n", grade.Exercises));
        var crashed = grade.Exercises[0];
        Assert.Equal(ExerciseStatus.Error, crashed.Status);
        Assert.Contains("cell 2: the sandboxed process ended (exit code 3)", crashed.Feedback);
        // The crash costs nothing else: exercise 2's test runs in the grader, and the student's Twice got the teacher's `two`.
        Assert.Equal(ExerciseStatus.Passed, grade.Exercises[1].Status);
        Assert.Contains(grade.Notes, n => n.Contains("your sandbox was stopped in cell 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Chinese_submission_hears_what_happened_to_its_sandbox_in_Chinese()
    {
        var teacher = Teacher();
        teacher.Metadata["rnnkit"] = new System.Text.Json.Nodes.JsonObject { [Editions.MetadataKey] = Editions.Chinese };
        var grade = await GradeAsync(teacher, "numbers.zh.ipynb", "int two = 2;\nEnvironment.Exit(3);", "int Twice(int x) { while (true) { } }", seconds: 4);

        Assert.True(grade.Score == 0 && grade.Max == 3, string.Join("\n", grade.Exercises));
        var (crashed, hung) = (grade.Exercises[0], grade.Exercises[1]);
        Assert.Equal(ExerciseStatus.Error, crashed.Status);
        Assert.Contains("第 2 个单元：沙箱中的进程结束了（退出码 3）", crashed.Feedback);
        Assert.Equal(ExerciseStatus.Timeout, hung.Status);
        Assert.Contains("练习 2 的一个测试超时了", hung.Feedback);
        Assert.Matches(@"你的 Twice 在 [0-9.]+ 秒内没有返回，所以它的沙箱被停止了", hung.Feedback);
        Assert.Contains(grade.Notes, n => n.StartsWith("你的沙箱在第 2 个单元中被停止了", StringComparison.Ordinal));
        // Not an English word is left around the student's own names.
        foreach (var text in grade.Exercises.Select(e => e.Feedback).Concat(grade.Notes))
            Assert.DoesNotMatch("[A-Za-z]{3,}", text.Replace("Twice", ""));
    }
}
