using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// Grades student notebooks against the teacher's notebooks of a source folder. Each submission is matched to a
/// teacher's notebook (same file name, else the one sharing most exercise ids), rebuilt as a
/// <see cref="GradingNotebook"/> and run in its own process (<see cref="GradingProcess"/>). When a cell hangs or
/// kills the process, its exercise is graded "timeout" or "error" and the notebook runs again in a new process
/// without that exercise's cells (the teacher's answer stands in), so one exercise never costs the others points.
/// </summary>
public sealed class Grader
{
    private readonly List<(string Path, Notebook Notebook, IReadOnlyList<Exercise> Exercises)> _teachers = [];
    private readonly GradingCommand _command;
    private readonly GradeOptions _options;

    /// <param name="sourceFolder">The teacher's notebooks (searched recursively, <see cref="NotebookFiles.Walk"/>).</param>
    /// <param name="command">How to start a grading process.</param>
    /// <param name="options">Time limits.</param>
    /// <exception cref="NotebookInputException">The folder does not exist or holds no notebook with exercises, a
    /// teacher's notebook cannot be read or has wrong markup.</exception>
    public Grader(string sourceFolder, GradingCommand command, GradeOptions? options = null)
    {
        if (!Directory.Exists(sourceFolder))
            throw new NotebookInputException($"--source {sourceFolder}: no such folder");
        foreach (var path in NotebookFiles.Walk(sourceFolder).Where(NotebookFiles.IsNotebook))
        {
            var notebook = Notebook.Load(path);
            var exercises = ExerciseParser.Parse(notebook);
            if (exercises.Count > 0) _teachers.Add((path, notebook, exercises));
        }
        if (_teachers.Count == 0)
            throw new NotebookInputException($"--source {sourceFolder}: no notebook with exercises (// Exercise ID: Title (N points)) found");
        _command = command;
        _options = options ?? new GradeOptions();
    }

    public async Task<SubmissionGrade> GradeAsync(string submission)
    {
        Notebook student;
        try
        {
            student = Notebook.Load(submission);
        }
        catch (NotebookFormatException e)
        {
            var byName = _teachers.FirstOrDefault(t => SameName(t.Path, submission));
            var exercises = byName.Exercises ?? [];
            var feedback = $"Your notebook could not be read, so nothing in it was graded: {e.Message}";
            return new SubmissionGrade(submission, 0, exercises.Sum(x => x.Points),
                exercises.Select(x => new ExerciseGrade(x.Id, x.Title, 0, x.Points, ExerciseStatus.Error, feedback)).ToList(), e.Message)
            { Source = byName.Path };
        }

        var teacher = Match(submission, student);
        if (teacher.Path is null)
            return new SubmissionGrade(submission, 0, 0, [],
                $"{submission}: matches no teacher's notebook in the source folder (by file name or exercise ids)");

        var (grading, outcomes, stopped) = await RunAsync(teacher.Notebook, teacher.Exercises, student, Path.GetDirectoryName(Path.GetFullPath(teacher.Path))!);
        var grades = ExerciseScorer.Score(teacher.Exercises, grading, outcomes, stopped);
        return new SubmissionGrade(submission, grades.Sum(g => g.Score), grades.Sum(g => g.Max), grades) { Source = teacher.Path };
    }

    /// <summary>Runs the submission, again without the offending exercise each time a cell brings the process down.</summary>
    private async Task<(Notebook, IReadOnlyDictionary<int, GradedCell>, IReadOnlyDictionary<string, GradedCell>)> RunAsync(
        Notebook teacher, IReadOnlyList<Exercise> exercises, Notebook student, string workingDirectory)
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var skippedCells = new HashSet<int>();
        var stopped = new Dictionary<string, GradedCell>(StringComparer.Ordinal);
        while (true)
        {
            var grading = GradingNotebook.Build(teacher, exercises, student, skipped, skippedCells);
            var run = await GradingProcess.RunAsync(_command, grading, _options, workingDirectory);
            if (run.Stopped is not int cell || run.Reason is null)
                return (grading, run.Outcomes, stopped);

            var role = GradingRole.Of(grading.Cells[cell], cell);
            if (role.Exercise is not null && role.Role is CellRole.Answer or CellRole.Test)
            {
                if (!skipped.Add(role.Exercise)) return (grading, run.Outcomes, stopped);
                stopped[role.Exercise] = run.Reason;
            }
            else if (role.StudentCell is not int studentCell || !skippedCells.Add(studentCell))
                return (grading, run.Outcomes, stopped);
        }
    }

    private (string Path, Notebook Notebook, IReadOnlyList<Exercise> Exercises) Match(string submission, Notebook student)
    {
        var byName = _teachers.Where(t => SameName(t.Path, submission)).ToList();
        if (byName.Count == 1) return byName[0];
        var ids = SubmissionCells.HeaderIds(student);
        var ranked = _teachers
            .Select(t => (Teacher: t, Shared: t.Exercises.Count(e => ids.Contains(e.Id))))
            .Where(r => r.Shared > 0)
            .OrderByDescending(r => r.Shared)
            .ToList();
        if (ranked.Count == 0 || (ranked.Count > 1 && ranked[1].Shared == ranked[0].Shared)) return default;
        return ranked[0].Teacher;
    }

    private static bool SameName(string a, string b) =>
        string.Equals(Path.GetFileName(a), Path.GetFileName(b), StringComparison.Ordinal);
}
