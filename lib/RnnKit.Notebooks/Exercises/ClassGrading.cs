using System.Globalization;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>Where a <see cref="ClassGrading"/> wrote its results.</summary>
/// <param name="Grades">One per submission, in the order found.</param>
/// <param name="GradebookJson">gradebook.json (DESIGN.md's shape).</param>
/// <param name="GradebookCsv">gradebook.csv.</param>
/// <param name="FeedbackFolder">One HTML page per submission.</param>
public sealed record ClassGradingResult(IReadOnlyList<SubmissionGrade> Grades, string GradebookJson, string GradebookCsv, string FeedbackFolder);

/// <summary>
/// Grading a whole class, the workflow of `rnnkit grade`: the submissions named (files, or folders searched
/// recursively by <see cref="NotebookFiles.Find"/>), each graded by a <see cref="Grader"/> — several at once, each in
/// its own process — then the gradebook (JSON and CSV) and one feedback page per submission, named after its path
/// inside the folder given ("alice/rnn-step.ipynb" → "alice_rnn-step.html").
/// </summary>
public static class ClassGrading
{
    public const string GradebookJsonName = "gradebook.json";
    public const string GradebookCsvName = "gradebook.csv";
    public const string FeedbackFolderName = "feedback";

    /// <summary>The submissions the inputs stand for.</summary>
    /// <exception cref="NotebookInputException">An input is missing, not a notebook, or a folder without notebooks.</exception>
    public static IReadOnlyList<NotebookFile> Submissions(IEnumerable<string> inputs) => NotebookFiles.Find(inputs, recursive: true);

    /// <param name="grader">The teacher's notebooks and how to run a submission.</param>
    /// <param name="submissions">From <see cref="Submissions"/>.</param>
    /// <param name="outFolder">An existing folder for the gradebook and the feedback pages.</param>
    /// <param name="jobs">Submissions graded at the same time.</param>
    /// <param name="starting">Told each submission as its grading starts (from several threads).</param>
    /// <param name="graded">Told each grade as it is known (from several threads).</param>
    public static async Task<ClassGradingResult> RunAsync(Grader grader, IReadOnlyList<NotebookFile> submissions, string outFolder, int jobs,
        Action<NotebookFile>? starting = null, Action<SubmissionGrade>? graded = null)
    {
        var grades = new SubmissionGrade[submissions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, submissions.Count), new ParallelOptions { MaxDegreeOfParallelism = jobs }, async (i, _) =>
        {
            starting?.Invoke(submissions[i]);
            grades[i] = await grader.GradeAsync(submissions[i].Path);
            graded?.Invoke(grades[i]);
        });

        var book = new Gradebook(grades);
        var json = Path.Combine(outFolder, GradebookJsonName);
        var csv = Path.Combine(outFolder, GradebookCsvName);
        await File.WriteAllTextAsync(json, book.ToJson());
        await File.WriteAllTextAsync(csv, book.ToCsv());
        var feedback = Directory.CreateDirectory(Path.Combine(outFolder, FeedbackFolderName)).FullName;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (grade, submission) in grades.Zip(submissions))
            await File.WriteAllTextAsync(Path.Combine(feedback, UniqueName(submission.Name, names)), FeedbackPage.Render(grade));
        return new ClassGradingResult(grades, json, csv, feedback);
    }

    /// <summary>"alice/rnn-step.ipynb" → "alice_rnn-step.html", made unique.</summary>
    private static string UniqueName(string relative, HashSet<string> taken)
    {
        var stem = string.Concat(Path.ChangeExtension(relative, null)!.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_')).Trim('_', '.');
        var name = stem + ".html";
        for (var n = 2; !taken.Add(name); n++)
            name = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}.html";
        return name;
    }
}
