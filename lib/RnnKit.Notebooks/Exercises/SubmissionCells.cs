using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// Where a student's notebook keeps each exercise: the answer cell (found by its header line, else by the cell id
/// the student version kept) and the student's copies of the test cells (by tests header or cell id). Lenient:
/// students edit freely, so nothing here throws.
/// </summary>
public sealed class SubmissionCells
{
    private readonly Dictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _testOf = [];

    public SubmissionCells(Notebook teacher, IReadOnlyList<Exercise> exercises, Notebook student)
    {
        for (var i = 0; i < student.Cells.Count; i++)
        {
            var cell = student.Cells[i];
            if (cell.Type != CellType.Code) continue;
            var first = ExerciseMarkup.FirstLine(cell.Source);
            var headerId = Lenient(() => ExerciseMarkup.ParseHeader(first)?.Id);
            var testsId = Lenient(() => ExerciseMarkup.ParseTestsHeader(first));
            foreach (var e in exercises)
            {
                if ((headerId == e.Id || (headerId is null && cell.Id == teacher.Cells[e.AnswerCell].Id)) && !_answers.ContainsKey(e.Id))
                    _answers[e.Id] = i;
                else if (testsId == e.Id || (testsId is null && e.Tests.Any(t => teacher.Cells[t.Cell].Id == cell.Id)))
                    _testOf[i] = e.Id;
            }
        }
    }

    /// <summary>The index of the student's answer cell of <paramref name="exercise"/>, or null when it is gone.</summary>
    public int? AnswerOf(string exercise) => _answers.TryGetValue(exercise, out var i) ? i : null;

    /// <summary>The exercise whose test cell <paramref name="cell"/> is, or null.</summary>
    public string? TestsIn(int cell) => _testOf.GetValueOrDefault(cell);

    /// <summary>The exercise whose answer cell <paramref name="cell"/> is, or null.</summary>
    public string? AnswerIn(int cell) => _answers.FirstOrDefault(a => a.Value == cell).Key;

    /// <summary>The exercise ids the student's notebook names in headers (for matching it to a teacher's notebook).</summary>
    public static IReadOnlySet<string> HeaderIds(Notebook student) => student.Cells
        .Where(c => c.Type == CellType.Code)
        .Select(c => Lenient(() => ExerciseMarkup.ParseHeader(ExerciseMarkup.FirstLine(c.Source))?.Id))
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    private static string? Lenient(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
