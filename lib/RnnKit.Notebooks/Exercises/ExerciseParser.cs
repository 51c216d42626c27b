using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// Finds and validates the exercises of a teacher's notebook (grammar in README.md of this folder). Every problem
/// — a malformed header or marker, an unknown or duplicate id, an unbalanced marker, an exercise without tests —
/// is an <see cref="ExerciseMarkupException"/> naming the notebook, cell and line. Markdown and raw cells are
/// documentation and are not read.
/// </summary>
public static class ExerciseParser
{
    /// <summary>The exercises of <paramref name="notebook"/> in notebook order (empty when it has none).</summary>
    public static IReadOnlyList<Exercise> Parse(Notebook notebook)
    {
        var name = notebook.Path ?? "notebook";
        var answers = new List<(string Id, string Title, int Points, int Cell, List<LineRange> Solutions)>();
        var tests = new List<(string Id, int Cell, List<LineRange> Hidden)>();

        for (var c = 0; c < notebook.Cells.Count; c++)
        {
            var cell = notebook.Cells[c];
            if (cell.Type != CellType.Code) continue;
            var lines = ExerciseMarkup.Lines(cell.Source);
            var header = Guard(name, c, 0, () => ExerciseMarkup.ParseHeader(lines[0]));
            var testsOf = header is null ? Guard(name, c, 0, () => ExerciseMarkup.ParseTestsHeader(lines[0])) : null;
            var role = header is not null ? Marker.BeginSolution : testsOf is not null ? Marker.BeginHiddenTests : Marker.None;
            var regions = Regions(name, c, lines, role);

            if (header is var (id, title, points))
            {
                if (answers.FirstOrDefault(a => a.Id == id) is { Id: not null } twin)
                    throw ExerciseMarkupException.At(name, c, 0, $"exercise id {id} is used twice (also in cell {twin.Cell + 1})");
                if (regions.Count == 0)
                    throw ExerciseMarkupException.At(name, c, 0,
                        $"exercise {id} has no solution: put the answer between '{ExerciseMarkup.BeginSolution}' and '{ExerciseMarkup.EndSolution}' lines");
                answers.Add((id, title, points, c, regions));
            }
            else if (testsOf is not null)
                tests.Add((testsOf, c, regions));
        }

        foreach (var t in tests)
        {
            var answer = answers.FirstOrDefault(a => a.Id == t.Id);
            if (answer.Id is null)
                throw ExerciseMarkupException.At(name, t.Cell, 0,
                    $"tests for unknown exercise {t.Id} (exercises here: {(answers.Count == 0 ? "none" : string.Join(", ", answers.Select(a => a.Id)))})");
            if (t.Cell < answer.Cell)
                throw ExerciseMarkupException.At(name, t.Cell, 0, $"tests for {t.Id} come before the exercise itself (cell {answer.Cell + 1}); move them after it");
        }

        return answers.Select(a =>
        {
            var own = tests.Where(t => t.Id == a.Id).Select(t => new TestCell(t.Cell, t.Hidden)).ToList();
            if (own.Count == 0)
                throw ExerciseMarkupException.At(name, a.Cell, 0,
                    $"exercise {a.Id} has no tests: add a code cell after it whose first line is '// Tests for {a.Id}'");
            return new Exercise(a.Id, a.Title, a.Points, a.Cell, a.Solutions, own);
        }).ToList();
    }

    /// <summary>
    /// The marked regions of one cell. <paramref name="allowed"/> is the opening marker this cell may hold
    /// (solutions in an exercise cell, hidden tests in a tests cell, none elsewhere); regions must close and not nest.
    /// </summary>
    private static List<LineRange> Regions(string name, int cell, string[] lines, Marker allowed)
    {
        var regions = new List<LineRange>();
        int? open = null;
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            if (l > 0 && ExerciseMarkup.IsStrictHeader(line))
                throw ExerciseMarkupException.At(name, cell, l, "an exercise header must be the first line of its cell");
            if (l > 0 && Guard(name, cell, l, () => ExerciseMarkup.ParseTestsHeader(line)) is not null)
                throw ExerciseMarkupException.At(name, cell, l, "a tests header must be the first line of its cell");
            var marker = Guard(name, cell, l, () => ExerciseMarkup.ParseMarker(line));
            if (marker == Marker.None) continue;

            var (begin, end, text) = marker is Marker.BeginSolution or Marker.EndSolution
                ? (Marker.BeginSolution, Marker.EndSolution, "solution")
                : (Marker.BeginHiddenTests, Marker.EndHiddenTests, "hidden tests");
            if (begin != allowed)
                throw ExerciseMarkupException.At(name, cell, l, allowed switch
                {
                    Marker.BeginSolution => $"'{line.Trim()}' belongs in a tests cell, not in an exercise cell",
                    Marker.BeginHiddenTests => $"'{line.Trim()}' belongs in an exercise cell, not in a tests cell",
                    _ => $"'{line.Trim()}' is outside an exercise: a {text} marker needs a cell whose first line is " +
                         (begin == Marker.BeginSolution ? $"'{ExerciseMarkup.HeaderGrammar}'" : $"'{ExerciseMarkup.TestsGrammar}'"),
                });
            if (marker == begin)
            {
                if (open is int o)
                    throw ExerciseMarkupException.At(name, cell, l, $"{text} regions cannot nest: the one opened at line {o + 1} is not closed yet");
                open = l;
            }
            else
            {
                if (open is not int o)
                    throw ExerciseMarkupException.At(name, cell, l, $"'{line.Trim()}' has no matching BEGIN before it");
                regions.Add(new LineRange(o, l));
                open = null;
            }
        }
        if (open is int unclosed)
            throw ExerciseMarkupException.At(name, cell, unclosed, $"'{lines[unclosed].Trim()}' is never closed by a matching END line");
        return regions;
    }

    private static T Guard<T>(string name, int cell, int line, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw ExerciseMarkupException.At(name, cell, line, e.Message);
        }
    }
}
