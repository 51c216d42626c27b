using RnnKit.Cli.Verbs;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;
using Rnnkit = RnnKit.TestSupport.Cli;
using RnnKit.Notebooks.Tests.Exercises;
using Fixtures = RnnKit.Notebooks.Tests.Exercises.Fixtures;

namespace RnnKit.Cli.Tests.Verbs;

/// <summary>
/// Crafted submissions of the fixture notebook, graded as a teacher would: a wrong answer with an edited test cell,
/// an endless loop, a deleted test cell, and a file that is not JSON — each costing only its own exercise.
/// </summary>
public class GradeVerbTests
{
    private static void SetAnswer(Notebook nb, string cellId, string source) => nb.Cells.Single(c => c.Id == cellId).Source = source;

    [Fact]
    public void Crafted_submissions_grade_as_a_teacher_expects()
    {
        var folder = Repo.TempFolder();
        var student = StudentVersion.Create(Notebook.Load(Fixtures.TeacherNotebook));

        // 1.1 forgets the bias, and the student "fixed" the test cell to pass; the teacher's tests come back.
        SetAnswer(student, "ex-1-1", """
            // Exercise 1.1: One RNN step (2 points)
            static Matrix<double> RnnStep(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> Wax, Matrix<double> Waa, Matrix<double> ba)
                => (Wax * xt + Waa * aPrev).Map(Math.Tanh);
            """);
        SetAnswer(student, "tests-1-1", "// Tests for 1.1\nConsole.WriteLine(\"all good\");");
        // 1.2 never ends.
        SetAnswer(student, "ex-1-2", "// Exercise 1.2: Learning rate (1 point)\ndouble learningRate = 0.05;\nwhile (learningRate > 0) { }");
        // 1.3 is right, but the student deleted its test cell; the teacher's tests (hidden ones too) are restored.
        SetAnswer(student, "ex-1-3", """
            // Exercise 1.3: Stable softmax (2 points)
            static Vector<double> Softmax(Vector<double> z)
            {
                var e = (z - z.Maximum()).PointwiseExp();
                return e / e.Sum();
            }
            """);
        student.Cells.RemoveAll(c => c.Id == "tests-1-3");
        student.Save(Path.Combine(folder, "alice", "rnn-step.ipynb"));
        Directory.CreateDirectory(Path.Combine(folder, "bob"));
        File.WriteAllText(Path.Combine(folder, "bob", "rnn-step.ipynb"), "{\"cells\": [ oops");

        var result = Gradebooks.Grade(folder, Fixtures.Folder);

        Assert.Equal(2, result.Run.ExitCode);
        var alice = result.Submission("alice/rnn-step.ipynb");
        Assert.Equal((2, 5), (alice["score"]!.GetValue<int>(), alice["max"]!.GetValue<int>()));
        var wrong = result.Exercise("alice/rnn-step.ipynb", "1.1");
        Assert.Equal("failed", wrong["status"]!.GetValue<string>());
        Assert.StartsWith("a_next is wrong; with ba = 0 it is right", wrong["feedback"]!.GetValue<string>());
        var loop = result.Exercise("alice/rnn-step.ipynb", "1.2");
        Assert.Equal(("timeout", 0), (loop["status"]!.GetValue<string>(), loop["score"]!.GetValue<int>()));
        Assert.Contains("ran out of time", loop["feedback"]!.GetValue<string>());
        var deleted = result.Exercise("alice/rnn-step.ipynb", "1.3");
        Assert.Equal(("passed", 2), (deleted["status"]!.GetValue<string>(), deleted["score"]!.GetValue<int>()));

        var bob = result.Submission("bob/rnn-step.ipynb");
        Assert.Equal((0, 5), (bob["score"]!.GetValue<int>(), bob["max"]!.GetValue<int>()));
        Assert.Contains("not valid JSON", bob["error"]!.GetValue<string>());
        Assert.All(bob["exercises"]!.AsArray(), e => Assert.Equal("error", e!["status"]!.GetValue<string>()));

        var csv = File.ReadAllLines(Path.Combine(result.OutFolder, "gradebook.csv"));
        Assert.Equal("file,1.1,1.2,1.3,total,max", csv[0]);
        Assert.EndsWith("alice/rnn-step.ipynb,0,0,2,2,5", csv.Single(l => l.Contains("alice", StringComparison.Ordinal)).Replace('\\', '/'));
        var page = File.ReadAllText(Path.Combine(result.OutFolder, "feedback", "alice_rnn-step.html"));
        Assert.Contains("Score: 2 / 5", page);
        Assert.Contains("with ba = 0 it is right", page);
        Assert.Contains("not valid JSON", File.ReadAllText(Path.Combine(result.OutFolder, "feedback", "bob_rnn-step.html")));
    }

    [Fact]
    public void Without_bubblewrap_grade_refuses_and_says_what_to_install_unless_told_to_grade_unsafely()
    {
        // A PATH without bwrap (prlimit, which limits memory in both modes, is kept).
        var bin = Directory.CreateDirectory(Path.Combine(Repo.TempFolder(), "bin")).FullName;
        var prlimit = Interop.RequireProgram("prlimit", "prlimit (util-linux)");
        File.CreateSymbolicLink(Path.Combine(bin, "prlimit"), prlimit);
        var cli = GradeVerb.WorkerCommand();
        var outFolder = Path.Combine(Repo.TempFolder(), "grades");
        string[] grade = [cli.Arguments[0], "grade", Fixtures.TeacherNotebook, "--source", Fixtures.Folder, "--out", outFolder, "--timeout", "8"];
        var env = new Dictionary<string, string> { ["PATH"] = bin };

        var refused = Interop.Run(cli.FileName, grade, TimeSpan.FromMinutes(2), environment: env);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("bubblewrap (bwrap) is not installed", refused.Stderr);
        Assert.Contains("apt-get install bubblewrap", refused.Stderr);
        Assert.False(File.Exists(Path.Combine(outFolder, "gradebook.json")));

        var unsafeRun = Interop.Run(cli.FileName, [.. grade, "--unsafe-no-sandbox"], TimeSpan.FromMinutes(5), environment: env);
        Assert.True(unsafeRun.ExitCode == 0, unsafeRun.Stdout + unsafeRun.Stderr);
        Assert.Contains("student code runs with your permissions", unsafeRun.Stderr);
        Assert.Contains("5/5", unsafeRun.Stdout);
    }

    [Fact]
    public void Bad_command_lines_and_sources_are_refused()
    {
        Assert.Equal(64, Rnnkit.Run("grade", Fixtures.TeacherNotebook).ExitCode);
        Assert.Equal(64, Rnnkit.Run("grade", "--source", Fixtures.Folder).ExitCode);
        var noSource = Rnnkit.Run("grade", Fixtures.TeacherNotebook, "--source", Path.Combine(Repo.TempFolder(), "none"));
        Assert.Equal(1, noSource.ExitCode);
        Assert.Contains("no such folder", noSource.Stderr);
        var empty = Rnnkit.Run("grade", Fixtures.TeacherNotebook, "--source", Repo.TempFolder());
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("no notebook with exercises", empty.Stderr);
        var missing = Rnnkit.Run("grade", "nope.ipynb", "--source", Fixtures.Folder);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope.ipynb: no such file or folder", missing.Stderr);
    }
}
