namespace RnnKit.Notebooks.Exercises;

/// <summary>Lines <see cref="Begin"/>..<see cref="End"/> of a cell (0-based, both marker lines included).</summary>
public readonly record struct LineRange(int Begin, int End);

/// <summary>A test cell of an exercise: its index in the notebook and its hidden-test regions.</summary>
public sealed record TestCell(int Cell, IReadOnlyList<LineRange> Hidden);

/// <summary>
/// One exercise of a teacher's notebook, as <see cref="ExerciseParser"/> found it: the answer cell (its first
/// line is the header <c>// Exercise 3.2: One RNN step (2 points)</c>) with its solution regions, and the test
/// cells (first line <c>// Tests for 3.2</c>) that follow it. Cell indices are 0-based positions in
/// <see cref="RnnKit.Notebooks.Model.Notebook.Cells"/>.
/// </summary>
public sealed record Exercise(string Id, string Title, int Points, int AnswerCell, IReadOnlyList<LineRange> Solutions, IReadOnlyList<TestCell> Tests)
{
    /// <summary>The message of the stub a student version throws until the exercise is done, in the run's language
    /// (<see cref="RnnKit.Exercises.Feedback.NotDone"/> holds both wordings).</summary>
    public string NotDoneMessage => RnnKit.Exercises.Feedback.NotDone(Id);
}
