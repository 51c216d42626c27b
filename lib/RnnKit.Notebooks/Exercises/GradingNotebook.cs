using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// The notebook the grader runs for one submission: the student's cells in the student's order, with every test
/// cell taken from the teacher's notebook (hidden tests included; the student's own copies, edited or not, are
/// dropped) at the place of the student's first copy after the answer, or right after the answer when the student
/// deleted them. After an exercise's tests comes the teacher's answer as a <see cref="CellRole.Fallback"/> cell
/// (run only when the exercise failed; in place of the tests when the answer cell is gone). Exercises in <c>skipped</c> — whose cells crashed or hung the grading
/// process — keep only the fallback; other student cells in <c>skippedCells</c> (0-based) are left out.
/// Outputs are cleared; each cell carries its <see cref="GradingRole"/>.
/// </summary>
public static class GradingNotebook
{
    public static Notebook Build(Notebook teacher, IReadOnlyList<Exercise> exercises, Notebook student,
        IReadOnlySet<string> skipped, IReadOnlySet<int> skippedCells)
    {
        var cells = new SubmissionCells(teacher, exercises, student);
        var run = new Notebook((System.Text.Json.Nodes.JsonObject)student.Metadata.DeepClone()) { Path = student.Path };
        var placed = new HashSet<string>(StringComparer.Ordinal);

        void Add(Cell source, GradingRole role)
        {
            var cell = source.Clone();
            cell.ClearOutputs();
            role.WriteTo(cell);
            run.Cells.Add(cell);
        }

        void PlaceTests(Exercise e)
        {
            if (!placed.Add(e.Id)) return;
            if (!skipped.Contains(e.Id))
                foreach (var test in e.Tests)
                    Add(teacher.Cells[test.Cell], new GradingRole(CellRole.Test, e.Id, $"test cell of exercise {e.Id}"));
            Add(teacher.Cells[e.AnswerCell], new GradingRole(CellRole.Fallback, e.Id, $"teacher's answer to exercise {e.Id}"));
        }

        for (var i = 0; i < student.Cells.Count; i++)
        {
            var label = $"cell {i + 1}";
            if (cells.TestsIn(i) is { } testsOf)
            {
                var exercise = exercises.First(e => e.Id == testsOf);
                if (cells.AnswerOf(testsOf) is int answer && answer < i) PlaceTests(exercise);
                else if (cells.AnswerOf(testsOf) is null && placed.Add(testsOf))
                    Add(teacher.Cells[exercise.AnswerCell], new GradingRole(CellRole.Fallback, testsOf, $"teacher's answer to exercise {testsOf}"));
                continue;
            }
            if (cells.AnswerIn(i) is { } answerOf)
            {
                if (!skipped.Contains(answerOf))
                    Add(student.Cells[i], new GradingRole(CellRole.Answer, answerOf, label, i));
                var exercise = exercises.First(e => e.Id == answerOf);
                var testsLater = Enumerable.Range(i + 1, student.Cells.Count - i - 1).Any(j => cells.TestsIn(j) == answerOf);
                if (!testsLater || skipped.Contains(answerOf)) PlaceTests(exercise);
                continue;
            }
            if (student.Cells[i].Type == CellType.Code)
            {
                if (!skippedCells.Contains(i))
                    Add(student.Cells[i], new GradingRole(CellRole.Other, null, label, i));
            }
            else
                run.Cells.Add(student.Cells[i].Clone());
        }
        return run;
    }
}
