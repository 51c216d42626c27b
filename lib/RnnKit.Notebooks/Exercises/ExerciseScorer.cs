using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// Turns the cell outcomes of a grading run into exercise grades. An exercise scores its points only when its
/// answer cell ran without error and every one of its test cells passed; otherwise 0, with the status and the
/// first message that explains it.
/// </summary>
public static class ExerciseScorer
{
    public const string PassedFeedback = "All tests passed.";

    /// <param name="exercises">The teacher's exercises.</param>
    /// <param name="grading">The grading notebook that ran (cells carry their roles).</param>
    /// <param name="outcomes">Outcomes by grading-notebook cell index.</param>
    /// <param name="stopped">Exercises whose cells stopped an earlier grading process, with what happened.</param>
    public static IReadOnlyList<ExerciseGrade> Score(IReadOnlyList<Exercise> exercises, Notebook grading,
        IReadOnlyDictionary<int, GradedCell> outcomes, IReadOnlyDictionary<string, GradedCell> stopped)
    {
        var roles = grading.Cells.Select((c, i) => (Index: i, Role: GradingRole.Of(c, i))).ToList();
        return exercises.Select(e =>
        {
            ExerciseGrade Grade(string status, string feedback) =>
                new(e.Id, e.Title, status == ExerciseStatus.Passed ? e.Points : 0, e.Points, status, feedback);

            if (stopped.TryGetValue(e.Id, out var stop))
                return Grade(stop.Status == CellStatus.Timeout ? ExerciseStatus.Timeout : ExerciseStatus.Error, stop.Error ?? "");
            var answer = roles.FirstOrDefault(r => r.Role.Role == CellRole.Answer && r.Role.Exercise == e.Id);
            if (answer.Role is null)
                return Grade(ExerciseStatus.Missing,
                    $"No answer cell for exercise {e.Id}: keep the first line '// Exercise {e.Id}: {e.Title} ({e.Points} point{(e.Points == 1 ? "" : "s")})' in your answer cell.");
            var tests = roles.Where(r => r.Role.Role == CellRole.Test && r.Role.Exercise == e.Id).ToList();
            var ran = new[] { answer }.Concat(tests)
                .Select(r => (r.Role, Outcome: outcomes.GetValueOrDefault(r.Index) ?? new GradedCell(r.Index, CellStatus.Error, "it did not run")))
                .ToList();

            if (ran.FirstOrDefault(r => r.Outcome.Status == CellStatus.Timeout) is { Role: not null } slow)
                return Grade(ExerciseStatus.Timeout, $"{Where(slow.Role, e)} ran out of time ({slow.Outcome.Error}); is there an endless loop?");
            var answerOutcome = ran[0].Outcome;
            if (!answerOutcome.Succeeded)
                return Grade(ExerciseStatus.Error, $"Your answer cell ({answer.Role.Label}) failed: {answerOutcome.Error}");
            if (ran.Skip(1).FirstOrDefault(r => !r.Outcome.Succeeded) is { Role: not null } failed)
                return Grade(ExerciseStatus.Failed, failed.Outcome.Error ?? "a test failed");
            return Grade(ExerciseStatus.Passed, PassedFeedback);
        }).ToList();
    }

    private static string Where(GradingRole role, Exercise e) =>
        role.Role == CellRole.Answer ? $"Your answer cell ({role.Label})" : $"A test of exercise {e.Id}";
}
