using RnnKit.Notebooks.Model;
using Words = RnnKit.Exercises.Feedback;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// Grades student notebooks against the teacher's notebooks of a source folder. Each submission is matched to a
/// teacher's notebook (same file name, else the one sharing most exercise ids; a match by ids under another
/// lesson's file name is noted) and graded by a worker process (<see cref="GradingProcess"/>) that runs the
/// teacher's notebook and computes every verdict itself, calling the student's methods in a sandbox
/// (<see cref="Remote.ExerciseRun"/>). A worker that dies is run once more; what is still missing then is
/// reported as the grader's failure, not the student's.
/// </summary>
public sealed class Grader
{
    private readonly List<(string Path, Notebook Notebook, IReadOnlyList<Exercise> Exercises)> _teachers = [];

    /// <summary>Teachers' notebooks whose answers cannot be called from outside (<see cref="Remote.AnswerSignature"/>):
    /// their submissions are not graded, the others are.</summary>
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);
    private readonly GradingCommand _command;
    private readonly GradeOptions _options;
    private readonly string _sourceFolder;

    /// <param name="sourceFolder">The teacher's notebooks (searched recursively, <see cref="NotebookFiles.Walk"/>).</param>
    /// <param name="command">How to start a grading worker.</param>
    /// <param name="options">Time limits, the sandbox's limits, the folders it must not see.</param>
    /// <exception cref="NotebookInputException">The folder does not exist or holds no notebook with exercises, a
    /// teacher's notebook cannot be read or has wrong markup. (An answer the grader cannot call from outside fails
    /// only the submissions of that notebook, with the teacher's problem named.)</exception>
    public Grader(string sourceFolder, GradingCommand command, GradeOptions? options = null)
    {
        if (!Directory.Exists(sourceFolder))
            throw new NotebookInputException($"--source {sourceFolder}: no such folder");
        foreach (var path in NotebookFiles.Walk(sourceFolder).Where(NotebookFiles.IsNotebook))
        {
            var notebook = Notebook.Load(path);
            Editions.LanguageOf(path, notebook); // a twin's name and metadata agree, or the teacher is told which file
            var exercises = ExerciseParser.Parse(notebook);
            try
            {
                foreach (var e in exercises) Remote.AnswerSignature.Of(e, notebook.Cells[e.AnswerCell].Source, path);
            }
            catch (ExerciseMarkupException problem)
            {
                _problems[path] = problem.Message;
            }
            if (exercises.Count > 0) _teachers.Add((path, notebook, exercises));
        }
        if (_teachers.Count == 0)
            throw new NotebookInputException($"--source {sourceFolder}: no notebook with exercises (// Exercise ID: Title (N points)) found");
        _sourceFolder = Path.GetFullPath(sourceFolder);
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
            var feedback = Remote.Feedback.Cut(Words.NotebookUnreadable(e.Message));
            return new SubmissionGrade(submission, 0, exercises.Sum(x => x.Points),
                exercises.Select(x => new ExerciseGrade(x.Id, x.Title, 0, x.Points, ExerciseStatus.Error, feedback)).ToList(), Remote.Feedback.Cut(e.Message))
            { Source = byName.Path };
        }

        // What the student reads (verdicts, the feedback page) speaks the submission's language.
        var language = Editions.LanguageOrEnglish(student);
        using var words = KitSettings.Use(KitSettings.Current with { Language = language });
        var (teacher, note) = Match(submission, student);
        if (teacher.Path is null)
            return new SubmissionGrade(submission, 0, 0, [],
                $"{submission}: matches no teacher's notebook in the source folder (by file name or exercise ids)");

        if (_problems.TryGetValue(teacher.Path, out var teacherProblem))
            return new SubmissionGrade(submission, 0, teacher.Exercises.Sum(e => e.Points), teacher.Exercises.Select(e => new ExerciseGrade(e.Id, e.Title, 0, e.Points,
                ExerciseStatus.Error, Words.TeacherNeedsChange)).ToList(),
                $"the teacher's notebook cannot be graded: {teacherProblem}") { Source = teacher.Path, Language = language };

        var job = new GradingJob(Path.GetFullPath(teacher.Path), Path.GetFullPath(submission), _options.CellTimeout.TotalSeconds, _options.Sandbox.Unsafe,
            _options.Sandbox.MemoryBytes, [_sourceFolder, Path.GetDirectoryName(Path.GetFullPath(teacher.Path))!, .. _options.Hidden]);
        var grades = new Dictionary<string, ExerciseGrade>(StringComparer.Ordinal);
        var notes = new List<string>();
        if (note is not null) notes.Add(note);
        string? stopped = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var run = await GradingProcess.RunAsync(_command, job, _options);
            foreach (var (id, grade) in run.Grades) grades.TryAdd(id, grade);
            notes.AddRange(run.Notes);
            stopped = run.Stopped;
            if (stopped is null || teacher.Exercises.All(e => grades.ContainsKey(e.Id)) || attempt == 1) break;
            notes.Add($"the grading process stopped ({stopped}) and was run again");
        }
        var list = teacher.Exercises.Select(e => grades.GetValueOrDefault(e.Id) ?? new ExerciseGrade(e.Id, e.Title, 0, e.Points, ExerciseStatus.Error,
            Words.CouldNotBeGraded(stopped))).ToList();
        return new SubmissionGrade(submission, list.Sum(g => g.Score), list.Sum(g => g.Max), list) { Source = teacher.Path, Notes = notes, Language = language };
    }

    private ((string Path, Notebook Notebook, IReadOnlyList<Exercise> Exercises) Teacher, string? Note) Match(string submission, Notebook student)
    {
        var byName = _teachers.Where(t => SameName(t.Path, submission)).ToList();
        var ids = SubmissionCells.HeaderIds(student);
        if (byName.Count == 1)
        {
            var shared = byName[0].Exercises.Count(e => ids.Contains(e.Id));
            // Saved under another lesson's name? Then its exercise ids say which lesson it is.
            if (shared > 0 || ids.Count == 0) return (byName[0], null);
        }
        // A lesson and its twin share every exercise id: the submission's language (its metadata) decides between them.
        var language = Editions.LanguageOrEnglish(student);
        var ranked = _teachers
            .Select(t => (Teacher: t, Shared: t.Exercises.Count(e => ids.Contains(e.Id)), Same: Editions.LanguageOfName(t.Path) == language))
            .Where(r => r.Shared > 0)
            .OrderByDescending(r => r.Shared).ThenByDescending(r => r.Same)
            .ToList();
        if (ranked.Count == 0 || (ranked.Count > 1 && ranked[1].Shared == ranked[0].Shared && ranked[1].Same == ranked[0].Same))
            return byName.Count == 1 ? (byName[0], null) : (default, null);
        var best = ranked[0].Teacher;
        var note = SameName(best.Path, submission) ? null
            : $"{Path.GetFileName(submission)} holds the exercises of {Path.GetFileName(best.Path)} ({string.Join(", ", best.Exercises.Where(e => ids.Contains(e.Id)).Select(e => e.Id))}), " +
              $"so it was graded against that notebook, not by its file name";
        return (best, note);
    }

    private static bool SameName(string a, string b) =>
        string.Equals(Path.GetFileName(a), Path.GetFileName(b), StringComparison.Ordinal);
}
