using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises;

public class StudentVersionTests
{
    private static string StudentSource(string answer, string tests = "// Tests for 1.1\n1")
    {
        var nb = ExerciseParserTests.Build(answer, tests);
        return StudentVersion.Create(nb).Cells[1].Source;
    }

    [Fact]
    public void A_method_body_becomes_a_throw_and_the_signature_stays()
    {
        var source = StudentSource("""
            // Exercise 1.1: Step (2 points)
            static int Step(int x)
            {
                // shapes: x scalar
                // BEGIN SOLUTION
                var y = x * 2;
                return y + 1;
                // END SOLUTION
            }
            """);
        Assert.Equal("""
            // Exercise 1.1: Step (2 points)
            static int Step(int x)
            {
                // shapes: x scalar
                // Exercise 1.1: your code here
                throw new NotImplementedException("Exercise 1.1: not done yet");
            }
            """, source);
    }

    [Fact]
    public void Whole_methods_keep_doc_comment_and_signature()
    {
        var source = StudentSource("""
            // Exercise 1.1: Step (2 points)
            // BEGIN SOLUTION
            /// <summary>Twice x.</summary>
            static int Twice(int x) => 2 * x;
            static void Log(string s)
            {
                Console.WriteLine(s);
            }
            // END SOLUTION
            """);
        Assert.Equal("""
            // Exercise 1.1: Step (2 points)
            // Exercise 1.1: your code here
            /// <summary>Twice x.</summary>
            static int Twice(int x)
                => throw new NotImplementedException("Exercise 1.1: not done yet");
            static void Log(string s)
                => throw new NotImplementedException("Exercise 1.1: not done yet");
            """, source);
    }

    [Fact]
    public void Variables_used_later_are_kept_with_their_type()
    {
        var inMethod = StudentSource("""
            // Exercise 1.1: Softmax (2 points)
            static double[] Softmax(double[] z)
            {
                // BEGIN SOLUTION
                double[] e = z.Select(Math.Exp).ToArray();
                var unused = 3;
                // END SOLUTION
                return e.Select(v => v / e.Sum()).ToArray();
            }
            """);
        Assert.Equal("""
            // Exercise 1.1: Softmax (2 points)
            static double[] Softmax(double[] z)
            {
                // Exercise 1.1: your code here
                double[] e = default!; // your code
                throw new NotImplementedException("Exercise 1.1: not done yet");
                return e.Select(v => v / e.Sum()).ToArray();
            }
            """, inMethod);
        Assert.DoesNotContain("unused", inMethod);

        var topLevel = StudentSource("// Exercise 1.1: Rate (1 point)\n// BEGIN SOLUTION\nvar learningRate = 0.05;\nvar steps = 10;\n// END SOLUTION");
        Assert.Equal("// Exercise 1.1: Rate (1 point)\n// Exercise 1.1: your code here\ndouble learningRate = default!; // your code\n" +
                     "int steps = default!; // your code\nthrow new NotImplementedException(\"Exercise 1.1: not done yet\");", topLevel);
    }

    [Theory]
    [InlineData("static M F()\n{\n    // BEGIN SOLUTION\n    var y = Compute();\n    // END SOLUTION\n    return y;\n}", "line 5: 'y' is declared with var inside the solution and used after it")]
    [InlineData("var y = Compute(\n    // BEGIN SOLUTION\n    1\n    // END SOLUTION\n);", "line 4: a solution region must hold whole statements or declarations")]
    [InlineData("// BEGIN SOLUTION\nclass Secret { }\n// END SOLUTION", "line 3: a solution region may hold statements, methods and local functions, not a class declaration")]
    [InlineData("// BEGIN SOLUTION\n// END SOLUTION", "line 2: the solution of exercise 1.1 is empty")]
    public void Regions_that_cannot_become_a_compiling_stub_are_refused(string body, string expected)
    {
        var e = Assert.Throws<ExerciseMarkupException>(() => StudentSource("// Exercise 1.1: F (1 point)\n" + body));
        Assert.Contains($"lesson.ipynb: cell 2, {expected}", e.Message);
    }

    [Fact]
    public void Hidden_tests_are_removed_outputs_cleared_and_the_rest_kept()
    {
        var nb = Notebook.Load(Fixtures.TeacherNotebook);
        nb.Cells[1].Outputs.Add(new StreamOutput("stdout", "hi"));
        nb.Cells[1].ExecutionCount = 1;
        var student = StudentVersion.Create(nb);

        Assert.Equal(nb.Cells.Select(c => c.Id), student.Cells.Select(c => c.Id));
        Assert.All(student.Cells, c => Assert.Empty(c.Outputs));
        Assert.Null(student.Cells[1].ExecutionCount);
        Assert.Equal(nb.Cells[1].Source, student.Cells[1].Source);
        var tests = student.Cells.Single(c => c.Id == "tests-1-3").Source;
        Assert.DoesNotContain("1000", tests);
        Assert.DoesNotContain("HIDDEN", tests);
        Assert.EndsWith("// (hidden tests of this exercise run when your notebook is graded)", tests);
        Assert.Contains("softmax[2]", tests);
        var answers = string.Join("\n", student.Cells.Where(c => c.Id.StartsWith("ex-1-", StringComparison.Ordinal) && c.Type == CellType.Code).Select(c => c.Source));
        Assert.DoesNotContain("Math.Tanh", answers);
        Assert.DoesNotContain("0.05", answers);
        Assert.DoesNotContain("PointwiseExp", answers);
        Assert.DoesNotContain("SOLUTION", answers);
        Assert.Equal(3, answers.Split("not done yet").Length - 1);
        Assert.Equal(nb.Metadata.ToJsonString(), student.Metadata.ToJsonString());
        Assert.NotEqual(nb.ToJson(), student.ToJson());
    }

    [Fact]
    public void The_reading_version_keeps_lesson_outputs_and_drops_answer_and_test_outputs()
    {
        var teacher = ExerciseParserTests.Build(
            "var setup = 1;",
            "// Exercise 1.1: Step (2 points)\n// BEGIN SOLUTION\nint answer = 41 + 1;\n// END SOLUTION\nanswer",
            "// Tests for 1.1\nCheck.Equal(\"answer\", answer, 42);\n// BEGIN HIDDEN TESTS\nCheck.Equal(\"secret\", answer, 42);\n// END HIDDEN TESTS",
            "Console.WriteLine(\"lesson output\");");
        var shown = new StreamOutput("stdout", "shown\n");
        foreach (var cell in teacher.Cells.Skip(1))
        {
            cell.Outputs.Add(shown);
            cell.ExecutionCount = 1;
        }

        var page = StudentVersion.ForReading(teacher);

        Assert.Equal([shown], page.Cells[1].Outputs);
        Assert.Empty(page.Cells[2].Outputs);
        Assert.Null(page.Cells[2].ExecutionCount);
        Assert.DoesNotContain("41 + 1", page.Cells[2].Source);
        Assert.Contains("not done yet", page.Cells[2].Source);
        Assert.Empty(page.Cells[3].Outputs);
        Assert.DoesNotContain("secret", page.Cells[3].Source);
        Assert.Equal([shown], page.Cells[4].Outputs);
        Assert.Equal(1, page.Cells[4].ExecutionCount);
        Assert.Contains("41 + 1", teacher.Cells[2].Source);
        Assert.Equal([shown], teacher.Cells[2].Outputs);
    }
}
