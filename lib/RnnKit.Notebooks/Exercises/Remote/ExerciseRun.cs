using System.Text.Json.Nodes;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using Words = RnnKit.Exercises.Feedback;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>
/// The grading worker (`rnnkit grade-worker`): grades one submission with the verdicts computed here, never in the
/// student's process. It runs the teacher's notebook — setup, data, the teacher's own answers — in its own session;
/// the student's notebook runs in a <see cref="SubmissionSandbox"/>, in step: when the teacher's notebook reaches
/// an exercise, the sandbox runs the student's cells up to the student's answer and hands over the methods the
/// answer declares (<see cref="AnswerSignature"/>). Before each of the teacher's test cells (hidden tests
/// included) the answer's names are declared again as stand-ins that call the student's methods in the sandbox,
/// so <c>Check.Close(…)</c> and the other checks run here on the teacher's inputs and reference values; after it
/// the teacher's answer cell runs again, so the rest of the notebook keeps the teacher's answers. What comes back
/// from the sandbox is only values; a malformed or forged reply fails the call that asked for it.
/// </summary>
public sealed class ExerciseRun
{
    private readonly Notebook _teacher;
    private readonly IReadOnlyList<Exercise> _exercises;
    private readonly Notebook _student;
    private readonly GradeOptions _options;

    public ExerciseRun(Notebook teacher, Notebook student, GradeOptions options)
    {
        _teacher = teacher;
        _exercises = ExerciseParser.Parse(teacher);
        _student = student;
        _options = options;
    }

    /// <param name="sandbox">The student's sandbox.</param>
    /// <param name="teacherFolder">Where the teacher's cells run (the teacher's notebook folder, for data files).</param>
    /// <param name="graded">Told each exercise's grade as soon as it is known.</param>
    /// <param name="stderr">Told when one of the teacher's cells fails (grading goes on; the teacher's tests catch it).</param>
    public async Task RunAsync(SubmissionSandbox sandbox, string teacherFolder, Action<ExerciseGrade> graded, TextWriter stderr)
    {
        var cells = new SubmissionCells(_teacher, _exercises, _student);
        var codeCells = Enumerable.Range(0, _student.Cells.Count).Where(i => _student.Cells[i].Type == CellType.Code).ToList();
        var signatures = _exercises.ToDictionary(e => e.Id, e => AnswerSignature.Of(e, _teacher.Cells[e.AnswerCell].Source, _teacher.Path ?? "notebook"));
        var answers = new Dictionary<string, (int? Cell, SandboxOutcome Outcome)>(StringComparer.Ordinal);
        var verdicts = new Dictionary<string, ExerciseGrade>(StringComparer.Ordinal);
        // The feedback speaks the submission's language (its rnnkit.language, kept by the student copy).
        using var language = KitSettings.Use(KitSettings.Current with { Language = Editions.LanguageOrEnglish(_student) });
        var notes = Shadowing.Notes(_student, _teacher);
        var incidentsSeen = 0;

        // The teacher's cells get a little more than a student's cell: a test cell's time includes the calls it makes,
        // each of which the sandbox may take up to the cell limit for.
        using var session = new CSharpSession(new SessionOptions { Timeout = sandbox.TestCellLimit, WorkingDirectory = teacherFolder });
        StudentAnswers.Current = sandbox;
        try
        {
            // Cells after the last test decide nothing: they are not run.
            var end = _exercises.Max(e => e.Tests[^1].Cell);
            for (var i = 0; i <= end; i++)
            {
                var cell = _teacher.Cells[i];
                if (cell.Type != CellType.Code) continue;
                var answerOf = _exercises.FirstOrDefault(e => e.AnswerCell == i);
                var testOf = _exercises.FirstOrDefault(e => e.Tests.Any(t => t.Cell == i));
                if (testOf is null)
                {
                    await Teacher(session, cell.Source, $"teacher's cell {i + 1}", stderr);
                    if (answerOf is not null)
                    {
                        await Teacher(session, signatures[answerOf.Id].KeepCode(), $"the teacher's answer to exercise {answerOf.Id}, kept", stderr);
                        answers[answerOf.Id] = Answer(answerOf, cells, codeCells, sandbox, signatures[answerOf.Id]);
                    }
                    continue;
                }

                var e = testOf;
                var (answerCell, answer) = answers[e.Id];
                var last = e.Tests[^1].Cell == i;
                ExerciseGrade? verdict = verdicts.ContainsKey(e.Id) ? null : answer switch
                {
                    _ when answerCell is null => Grade(e, ExerciseStatus.Missing,
                        Words.NoAnswerCell(e.Id, $"// Exercise {e.Id}: {e.Title} ({e.Points} point{(e.Points == 1 ? "" : "s")})")),
                    { Status: CellStatus.Timeout } => Grade(e, ExerciseStatus.Timeout, Words.AnswerTimedOut(answerCell.Value + 1, answer.Error)),
                    { Succeeded: false } => Grade(e, ExerciseStatus.Error, Words.AnswerFailed(answerCell.Value + 1, answer.Error)),
                    _ => null,
                };
                if (verdict is not null || verdicts.ContainsKey(e.Id))
                {
                    // Decided already: the test cell still runs, with the teacher's answer, for what later cells use.
                    await Teacher(session, cell.Source, $"test cell of exercise {e.Id} (teacher's answer)", stderr);
                }
                else
                {
                    await Teacher(session, signatures[e.Id].StandInCode(), $"stand-ins for exercise {e.Id}", stderr);
                    var sink = new SandboxHost.FirstError();
                    var callTimeouts = sandbox.CallTimeouts;
                    var result = await session.ExecuteAsync(cell.Source, sink, Words.TestCell(e.Id));
                    // A test cell stopped while a call was under way leaves that call waiting: the sandbox goes with it.
                    if (result.Status == CellStatus.Timeout) sandbox.Abort();
                    await Teacher(session, _teacher.Cells[e.AnswerCell].Source, $"teacher's answer to exercise {e.Id}", stderr);
                    if (!result.Succeeded)
                        verdict = sink.Name == typeof(StudentCodeException).FullName && sandbox.CallTimeouts > callTimeouts
                            ? Grade(e, ExerciseStatus.Timeout, Words.TestTimedOut(e.Id, sink.Describe()))
                            : result.Status == CellStatus.Timeout
                                ? Grade(e, ExerciseStatus.Timeout, Words.TestTimedOutLoop(e.Id, sink.Describe() ?? result.Error))
                                : Grade(e, ExerciseStatus.Failed, sink.Describe() ?? result.Error ?? Words.ATestFailed);
                    else if (last)
                        verdict = Grade(e, ExerciseStatus.Passed, Words.AllTestsPassed);
                }
                if (verdict is null) continue;
                // A cell that stopped the sandbox earlier may explain this failure (a call's failure explains itself).
                // (Not the answer cell's own: its failure already says what happened to it.)
                var own = answerCell is int a ? Words.CellLabel(a + 1) : null;
                var before = sandbox.Incidents.Skip(incidentsSeen).Where(x => x.Cell is not null && x.Cell != own).Select(x => x.Text).ToList();
                if (verdict.Status != ExerciseStatus.Passed && before.Count > 0)
                    verdict = verdict with { Feedback = Feedback.Cut(verdict.Feedback + Words.BeforeThis(before)) };
                incidentsSeen = sandbox.Incidents.Count;
                if (notes.Count > 0)
                    verdict = verdict with { Feedback = verdict.Feedback + " " + string.Join(" ", notes) };
                verdicts[e.Id] = verdict;
                graded(verdict);
                if (verdict.Status != ExerciseStatus.Passed)
                {
                    // The student's later cells get the teacher's versions of what failed, so an exercise that builds on
                    // this one is graded on its own merit.
                    var sig = signatures[e.Id];
                    sandbox.Fallback(sig.FallbackCode(), Words.TeachersAnswer(e.Id),
                        sig.Methods.Where(m => StudentAnswers.TeacherFunctions.ContainsKey(m.Name)).ToDictionary(m => m.Name, m => StudentAnswers.TeacherFunctions[m.Name]),
                        sig.Variables.Where(v => StudentAnswers.TeacherValues.ContainsKey(v.Name)).ToDictionary(v => v.Name, v => StudentAnswers.TeacherValues[v.Name]));
                }
            }
        }
        finally
        {
            StudentAnswers.Current = null;
        }
    }

    private static ExerciseGrade Grade(Exercise e, string status, string feedback) =>
        new(e.Id, e.Title, status == ExerciseStatus.Passed ? e.Points : 0, e.Points, status, Feedback.Cut(feedback));

    /// <summary>The student's cells through their answer to <paramref name="e"/>, then the hand-over of its methods.</summary>
    private static (int?, SandboxOutcome) Answer(Exercise e, SubmissionCells cells, IReadOnlyList<int> codeCells, SubmissionSandbox sandbox, AnswerSignature signature)
    {
        if (cells.AnswerOf(e.Id) is not int answer) return (null, new SandboxOutcome(CellStatus.Error, "missing"));
        var ran = sandbox.RunThrough(answer, codeCells, c => Words.CellLabel(c + 1));
        if (!ran.Succeeded) return (answer, ran);
        var exposed = sandbox.RunCode(signature.ExposeCode(), Words.HandOver(e.Id));
        if (exposed.Succeeded) return (answer, exposed);
        return (answer, new SandboxOutcome(CellStatus.Error,
            Words.HandOverFailed(signature.Methods.Select(m => m.ToString()).Concat(signature.Variables.Select(v => $"{v.Type} {v.Name}")), exposed.Error)));
    }

    /// <summary>Runs one of the teacher's cells (or a generated one); a failure is reported and grading goes on.</summary>
    private static async Task Teacher(CSharpSession session, string code, string label, TextWriter stderr)
    {
        var sink = new SandboxHost.FirstError();
        var result = await session.ExecuteAsync(code, sink, label);
        if (!result.Succeeded)
            await stderr.WriteLineAsync($"grade-worker: the teacher's notebook failed in {label}: {sink.Describe() ?? result.Error}");
    }
}

