using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>Scoring rules on hand-made outcomes (no process): one status per way an exercise can go.</summary>
public class ExerciseScorerTests
{
    private static readonly Exercise One = new("1", "One", 2, 0, [new LineRange(1, 3)], [new TestCell(1, [])]);

    private static Notebook Grading(params GradingRole[] roles)
    {
        var nb = new Notebook();
        foreach (var role in roles)
        {
            var cell = Cell.Code("1");
            role.WriteTo(cell);
            nb.Cells.Add(cell);
        }
        return nb;
    }

    private static readonly Notebook AnswerAndTest = Grading(
        new GradingRole(CellRole.Answer, "1", "cell 3"), new GradingRole(CellRole.Test, "1", "test cell of exercise 1"),
        new GradingRole(CellRole.Fallback, "1", "teacher's answer"));

    private static ExerciseGrade Score(Notebook grading, params GradedCell[] outcomes) =>
        Assert.Single(ExerciseScorer.Score([One], grading, outcomes.ToDictionary(o => o.Cell), new Dictionary<string, GradedCell>()));

    [Fact]
    public void Passed_when_answer_and_every_test_ran()
    {
        var grade = Score(AnswerAndTest, new GradedCell(0, CellStatus.Ok), new GradedCell(1, CellStatus.Ok), new GradedCell(2, CellStatus.Error, "fallback not needed"));
        Assert.Equal((2, "passed", "All tests passed."), (grade.Score, grade.Status, grade.Feedback));
    }

    [Fact]
    public void Failed_test_gives_its_message()
    {
        var grade = Score(AnswerAndTest, new GradedCell(0, CellStatus.Ok), new GradedCell(1, CellStatus.Error, "a_next has shape (5, 1), expected (5, 10)."));
        Assert.Equal((0, "failed", "a_next has shape (5, 1), expected (5, 10)."), (grade.Score, grade.Status, grade.Feedback));
    }

    [Fact]
    public void Error_in_the_answer_cell_names_it()
    {
        var grade = Score(AnswerAndTest, new GradedCell(0, CellStatus.Error, "(cell 3, line 2, col 1): error CS1002: ; expected"), new GradedCell(1, CellStatus.Error, "x"));
        Assert.Equal("error", grade.Status);
        Assert.Equal("Your answer cell (cell 3) failed: (cell 3, line 2, col 1): error CS1002: ; expected", grade.Feedback);
    }

    [Fact]
    public void Timeout_in_a_test_wins_over_errors()
    {
        var grade = Score(AnswerAndTest, new GradedCell(0, CellStatus.Ok), new GradedCell(1, CellStatus.Timeout, "cell 4 did not finish within 5 s and was stopped"));
        Assert.Equal("timeout", grade.Status);
        Assert.StartsWith("A test of exercise 1 ran out of time", grade.Feedback);
    }

    [Fact]
    public void Missing_answer_cell_says_which_header_to_keep()
    {
        var grade = Score(Grading(new GradingRole(CellRole.Other, null, "cell 1")), new GradedCell(0, CellStatus.Ok));
        Assert.Equal((0, "missing"), (grade.Score, grade.Status));
        Assert.Contains("'// Exercise 1: One (2 points)'", grade.Feedback);
    }

    [Fact]
    public void A_cell_that_never_reported_is_not_a_pass()
    {
        var grade = Score(AnswerAndTest, new GradedCell(0, CellStatus.Ok));
        Assert.Equal((0, "failed", "it did not run"), (grade.Score, grade.Status, grade.Feedback));
    }
}
