using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises;

public class ExerciseParserTests
{
    internal static Notebook Build(params string[] codeCells)
    {
        var nb = new Notebook { Path = "lesson.ipynb" };
        nb.Cells.Add(Cell.Markdown("# Lesson\n// Exercise 9.9: markdown is documentation (1 point)\n// BEGIN SOLUTION"));
        foreach (var source in codeCells)
            nb.Cells.Add(Cell.Code(source));
        return nb;
    }

    private const string Answer = "// Exercise 3.2: One RNN step (2 points)\nstatic int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}";
    private const string Tests = "// Tests for 3.2\nCheck.Equal(\"F\", F(), 1);\n// BEGIN HIDDEN TESTS\nCheck.Equal(\"F\", F(), 1);\n// END HIDDEN TESTS";

    [Fact]
    public void Finds_exercise_header_solutions_and_tests()
    {
        var nb = Build("var setup = 1;", Answer, "var between = 2;", Tests, "// Tests for 3.2\nCheck.That(true, \"x\");");
        var exercise = Assert.Single(ExerciseParser.Parse(nb));
        Assert.Equal(("3.2", "One RNN step", 2), (exercise.Id, exercise.Title, exercise.Points));
        Assert.Equal(2, exercise.AnswerCell);
        Assert.Equal([new LineRange(3, 5)], exercise.Solutions);
        Assert.Equal([4, 5], exercise.Tests.Select(t => t.Cell));
        Assert.Equal([new LineRange(2, 4)], exercise.Tests[0].Hidden);
        Assert.Empty(exercise.Tests[1].Hidden);
        Assert.Equal("Exercise 3.2: not done yet", exercise.NotDoneMessage);
    }

    [Fact]
    public void A_notebook_without_exercises_has_none()
    {
        Assert.Empty(ExerciseParser.Parse(Build("var x = 1;")));
    }

    public static TheoryData<string[], string> BadMarkup => new()
    {
        { [Answer, Tests, Answer.Replace("One RNN", "Again"), Tests], "cell 4, line 1: exercise id 3.2 is used twice (also in cell 2)" },
        { [Answer, "// Tests for 3.3\n1"], "cell 3, line 1: tests for unknown exercise 3.3 (exercises here: 3.2)" },
        { ["// Tests for 3.2\n1", Answer], "cell 2, line 1: tests for 3.2 come before the exercise itself (cell 3)" },
        { [Answer], "cell 2, line 1: exercise 3.2 has no tests" },
        { [Answer.Replace("    // END SOLUTION\n", ""), Tests], "cell 2, line 4: '// BEGIN SOLUTION' is never closed" },
        { [Answer.Replace("    // BEGIN SOLUTION\n", ""), Tests], "cell 2, line 5: '// END SOLUTION' has no matching BEGIN" },
        { [Answer.Replace("return 1;", "// BEGIN SOLUTION"), Tests], "cell 2, line 5: solution regions cannot nest: the one opened at line 4" },
        { ["// Exercise 3.2: One RNN step (2 points)\nint x = 1;", Tests], "cell 2, line 1: exercise 3.2 has no solution" },
        { ["// Exercise 3.2: One RNN step\nint x;", Tests], "cell 2, line 1: '// Exercise 3.2: One RNN step' looks like an exercise header" },
        { ["// Exercise 3.2: One RNN step (0 points)\n// BEGIN SOLUTION\nint x;\n// END SOLUTION", Tests], "at least 1 point" },
        { [Answer.Replace("// BEGIN SOLUTION", "// Begin Solution"), Tests], "cell 2, line 4: '// Begin Solution' looks like a marker" },
        { [Answer, "// tests for 3.2\n1"], "cell 3, line 1: '// tests for 3.2' looks like a tests header" },
        { ["int y = 0;\n// BEGIN SOLUTION\nint x;\n// END SOLUTION"], "cell 2, line 2: '// BEGIN SOLUTION' is outside an exercise" },
        { [Answer, Tests.Replace("HIDDEN TESTS", "SOLUTION")], "cell 3, line 3: '// BEGIN SOLUTION' belongs in an exercise cell" },
        { [Answer.Replace("// END SOLUTION", "// END HIDDEN TESTS"), Tests], "cell 2, line 6: '// END HIDDEN TESTS' belongs in a tests cell" },
        { ["int x = 1;\n" + Answer, Tests], "cell 2, line 2: an exercise header must be the first line of its cell" },
        { [Answer, "1;\n// Tests for 3.2"], "cell 3, line 2: a tests header must be the first line" },
    };

    [Theory]
    [MemberData(nameof(BadMarkup))]
    public void Bad_markup_names_notebook_cell_and_line(string[] cells, string expected)
    {
        var e = Assert.Throws<ExerciseMarkupException>(() => ExerciseParser.Parse(Build(cells)));
        Assert.StartsWith("lesson.ipynb: cell ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
