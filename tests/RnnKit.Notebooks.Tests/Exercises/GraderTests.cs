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
        Interop.RequireSandbox();
        var folder = Repo.TempFolder();
        var teacher = Teacher();
        teacher.Save(Path.Combine(folder, "source", "numbers.ipynb"));
        var student = StudentVersion.Create(teacher);
        student.Cells[1].Source = "// Exercise 1: Two (1 point)\nint two = 2;\nEnvironment.Exit(3);";
        // Exercise 2 uses exercise 1's `two`: after exercise 1 failed, the teacher's value stands in for it.
        student.Cells[3].Source = "// Exercise 2: Twice (2 points)\nint Twice(int x) => x * two;";
        var submission = Path.Combine(folder, "numbers.ipynb");
        student.Save(submission);

        var grader = new Grader(Path.Combine(folder, "source"), GradeVerb.WorkerCommand(), new GradeOptions { CellTimeout = TimeSpan.FromSeconds(8) });
        var grade = await grader.GradeAsync(submission);

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
        Interop.RequireSandbox();
        var folder = Repo.TempFolder();
        var teacher = Teacher();
        teacher.Metadata["rnnkit"] = new System.Text.Json.Nodes.JsonObject { [Editions.MetadataKey] = Editions.Chinese };
        teacher.Save(Path.Combine(folder, "source", "numbers.zh.ipynb"));
        var student = StudentVersion.Create(teacher);
        student.Cells[1].Source = "// Exercise 1: Two (1 point)\nint two = 2;\nEnvironment.Exit(3);";
        student.Cells[3].Source = "// Exercise 2: Twice (2 points)\nint Twice(int x) { while (true) { } }";
        var submission = Path.Combine(folder, "numbers.zh.ipynb");
        student.Save(submission);

        var grader = new Grader(Path.Combine(folder, "source"), GradeVerb.WorkerCommand(), new GradeOptions { CellTimeout = TimeSpan.FromSeconds(4) });
        var grade = await grader.GradeAsync(submission);

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
