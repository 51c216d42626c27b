using System.Text.Json.Nodes;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;
using Rnnkit = RnnKit.TestSupport.Cli;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>
/// A notebook saved by a Windows editor — CRLF between the JSON's lines and inside every cell's source — runs,
/// turns into a student version and grades exactly as the same notebook with LF does.
/// </summary>
public class CrlfNotebookTests
{
    /// <summary>The fixture notebook with every line end, in the file and in the cells, made CRLF.</summary>
    private static string CrlfCopy(string folder)
    {
        var json = JsonNode.Parse(File.ReadAllText(Fixtures.TeacherNotebook))!;
        foreach (var cell in json["cells"]!.AsArray())
        {
            var source = cell!["source"]!;
            var text = source is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : source.GetValue<string>();
            cell["source"] = text.Replace("\r\n", "\n").Replace("\n", "\r\n");
        }
        var path = Path.Combine(folder, "rnn-step.ipynb");
        File.WriteAllText(path, json.ToJsonString(new() { WriteIndented = true }).Replace("\n", "\r\n"));
        Assert.Contains("\r\n", Notebook.Load(path).CodeCells.First().Source);
        return path;
    }

    [Fact]
    public void A_crlf_notebook_runs_clean()
    {
        var notebook = CrlfCopy(Repo.TempFolder());
        var run = Rnnkit.Run("run", notebook, "--out", Path.Combine(Repo.TempFolder(), "executed"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
    }

    [Fact]
    public void A_crlf_teacher_notebook_gives_the_same_student_version()
    {
        var crlf = Repo.TempFolder();
        CrlfCopy(crlf);
        var fromCrlf = Path.Combine(Repo.TempFolder(), "student");
        var fromLf = Path.Combine(Repo.TempFolder(), "student");
        var a = Rnnkit.Run("student", crlf, "--out", fromCrlf);
        var b = Rnnkit.Run("student", Fixtures.Folder, "--out", fromLf);
        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.Contains("rnn-step.ipynb: 3 exercises, 5 points", a.Stdout);
        Assert.Equal(Sources(Path.Combine(fromLf, "rnn-step.ipynb")), Sources(Path.Combine(fromCrlf, "rnn-step.ipynb")));
    }

    [Fact]
    public void A_crlf_submission_grades_as_its_lf_twin()
    {
        var submissions = Repo.TempFolder();
        CrlfCopy(Directory.CreateDirectory(Path.Combine(submissions, "wei")).FullName);
        var crlfSource = Repo.TempFolder();
        CrlfCopy(crlfSource);

        var teacherAnswers = Gradebooks.Grade(submissions, Fixtures.Folder);
        var againstCrlfSource = Gradebooks.Grade(submissions, crlfSource);

        foreach (var result in new[] { teacherAnswers, againstCrlfSource })
        {
            var wei = result.Submission("wei/rnn-step.ipynb");
            Assert.True((5, 5) == (wei["score"]!.GetValue<int>(), wei["max"]!.GetValue<int>()), wei.ToJsonString());
        }
    }

    private static string[] Sources(string notebook) =>
        Notebook.Load(notebook).Cells.Select(c => c.Source.Replace("\r\n", "\n")).ToArray();
}
