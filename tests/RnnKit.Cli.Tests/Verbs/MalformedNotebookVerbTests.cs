using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.Notebooks.Tests.Model;
using RnnKit.TestSupport;
using Xunit;
using Fixtures = RnnKit.Notebooks.Tests.Exercises.Fixtures;
using Rnnkit = RnnKit.TestSupport.Cli;

namespace RnnKit.Cli.Tests.Verbs;

/// <summary>
/// Fuzz-style: a fixed-seed sample of malformed variants of real notebooks (a field or list item deleted, or
/// replaced by a value of each other JSON type, anywhere in the file: <see cref="NotebookMutations"/>) given to
/// `run`, `export`, `student` and `grade` as a user would. Each either works or fails with a message naming the
/// file — never a stack trace, never an exception out of the verb (the process's rc 134), never an exit code
/// the verb's contract does not list; `grade` always writes its gradebook. A failure names the mutation.
/// </summary>
public class MalformedNotebookVerbTests
{
    /// <summary>The seed of every sample: the same mutations each run, so a failure can be reproduced.</summary>
    private const int Seed = 15;

    private static readonly string Lesson = Repo.PathOf("notebooks", "04-the-binary-adder.ipynb");

    /// <summary>An executed notebook (outputs: streams, display data, a chart), for what only outputs hold.</summary>
    private static readonly string Executed = Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Export", "Fixtures", "course", "01-first.ipynb");

    private static readonly Regex StackTrace = new(@"^\s+at \S+\(|Unhandled exception", RegexOptions.Multiline);

    private static IEnumerable<(NotebookMutation Mutation, string Json)> Fuzzed(string path, int count)
    {
        var original = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var mutation in NotebookMutations.Sample(original, count, Seed))
            if (mutation.ApplyTo(original) is { } copy)
                yield return (mutation, copy.ToJsonString());
    }

    /// <summary>Runs the verb; fails the test, naming the mutation, on an exception, a stack trace or an unlisted exit code.</summary>
    private static Rnnkit.Result Verb(NotebookMutation mutation, int[] exitCodes, params string[] args)
    {
        Rnnkit.Result result;
        try
        {
            result = Rnnkit.Run(args);
        }
        catch (Exception e)
        {
            Assert.Fail($"{mutation}: rnnkit {args[0]} threw {e}");
            throw;
        }
        var printed = result.Stdout + result.Stderr;
        Assert.False(StackTrace.IsMatch(printed), $"{mutation}: rnnkit {args[0]} printed a stack trace:\n{printed}");
        Assert.True(exitCodes.Contains(result.ExitCode), $"{mutation}: rnnkit {args[0]} exited {result.ExitCode}:\n{printed}");
        return result;
    }

    /// <summary>A failure (exit 1) names the file at fault.</summary>
    private static void NamesTheFile(NotebookMutation mutation, Rnnkit.Result result, string file)
    {
        if (result.ExitCode == ExitCodes.Error)
            Assert.True(result.Stderr.Contains(file, StringComparison.Ordinal), $"{mutation}: the error does not name {file}:\n{result.Stderr}");
    }

    [Fact]
    public void Student_on_a_malformed_lesson_writes_it_or_names_it()
    {
        var failed = 0;
        foreach (var (mutation, json) in Fuzzed(Lesson, 40))
        {
            var dir = Repo.TempFolder();
            var path = Path.Combine(dir, "fuzzed.ipynb");
            File.WriteAllText(path, json);
            var outDir = Path.Combine(dir, "student");
            var result = Verb(mutation, [ExitCodes.Ok, ExitCodes.Error], "student", path, "--out", outDir);
            NamesTheFile(mutation, result, "fuzzed.ipynb");
            if (result.ExitCode == ExitCodes.Error)
            {
                failed++;
                Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(), $"{mutation}: wrote into --out and failed");
            }
            else
            {
                Notebook.Load(Path.Combine(outDir, "fuzzed.ipynb"));
            }
        }
        Assert.InRange(failed, 1, 39);
    }

    [Fact]
    public void Export_of_a_malformed_lesson_writes_the_site_or_names_the_file()
    {
        var failed = 0;
        foreach (var (mutation, json) in Fuzzed(Lesson, 8).Concat(Fuzzed(Executed, 8)))
        {
            var dir = Repo.TempFolder();
            var path = Path.Combine(dir, "fuzzed.ipynb");
            File.WriteAllText(path, json);
            var site = Path.Combine(dir, "site");
            var result = Verb(mutation, [ExitCodes.Ok, ExitCodes.Error], "export", path, "--out", site);
            NamesTheFile(mutation, result, "fuzzed.ipynb");
            if (result.ExitCode == ExitCodes.Error) failed++;
            else Assert.True(File.Exists(Path.Combine(site, "fuzzed.html")), $"{mutation}: exported, but no page");
        }
        Assert.InRange(failed, 1, 15);
    }

    [Fact]
    public void Run_of_a_malformed_notebook_reports_it_or_names_it()
    {
        var outcomes = new HashSet<int>();
        foreach (var (mutation, json) in Fuzzed(Fixtures.TeacherNotebook, 12))
        {
            var dir = Repo.TempFolder();
            var path = Path.Combine(dir, "fuzzed.ipynb");
            File.WriteAllText(path, json);
            var report = Path.Combine(dir, "report.json");
            var result = Verb(mutation, [ExitCodes.Ok, ExitCodes.Error, ExitCodes.Failed],
                "run", path, "--out", Path.Combine(dir, "executed"), "--report", report, "--timeout", "60");
            outcomes.Add(result.ExitCode);
            NamesTheFile(mutation, result, "fuzzed.ipynb");
            // The report is written whatever happened, and names the notebook; a failed cell is named with its error.
            var notebook = JsonNode.Parse(File.ReadAllText(report))!["notebooks"]![0]!;
            Assert.EndsWith("fuzzed.ipynb", notebook["path"]!.GetValue<string>());
            if (result.ExitCode == ExitCodes.Failed)
                Assert.True(result.Stderr.Contains("FAILED at cell", StringComparison.Ordinal), $"{mutation}: {result.Stderr}");
        }
        Assert.Contains(ExitCodes.Error, outcomes);
    }

    [Fact]
    public void Grade_of_malformed_submissions_and_sources_writes_the_gradebook_and_names_each_file()
    {
        Interop.RequireSandbox();
        var root = Repo.TempFolder();
        var source = Directory.CreateDirectory(Path.Combine(root, "source")).FullName;
        File.Copy(Fixtures.TeacherNotebook, Path.Combine(source, "rnn-step.ipynb"));
        var student = StudentVersion.Create(Notebook.Load(Fixtures.TeacherNotebook)).ToJson();
        var studentPath = Path.Combine(root, "student.ipynb");
        File.WriteAllText(studentPath, student);

        // Malformed submissions, all in one class: each is graded or named, and the others are not disturbed.
        var subs = Path.Combine(root, "subs");
        var mutations = new Dictionary<string, NotebookMutation>();
        var n = 0;
        foreach (var (mutation, json) in Fuzzed(studentPath, 10))
        {
            var name = $"s{n++}";
            mutations[name] = mutation;
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(subs, name)).FullName, "rnn-step.ipynb"), json);
        }
        var outFolder = Path.Combine(root, "grades");
        var summary = new NotebookMutation(["(the submissions)"], null);
        var run = Verb(summary, [ExitCodes.Ok, ExitCodes.Failed], "grade", subs, "--source", source, "--out", outFolder, "--timeout", "20", "--jobs", "2");
        var book = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "gradebook.json")))!["submissions"]!.AsArray();
        Assert.Equal(mutations.Count, book.Count);
        foreach (var sub in book)
        {
            var name = Path.GetFileName(Path.GetDirectoryName(sub!["file"]!.GetValue<string>()))!;
            var mutation = mutations[name];
            var text = sub.ToJsonString();
            Assert.False(StackTrace.IsMatch(text.Replace("\\n", "\n")), $"{mutation}: a stack trace in the gradebook: {text}");
            // Unreadable: said so, naming the file; readable: graded (an untouched student version scores 0 of 5).
            if (sub["error"] is { } error)
                Assert.True(error.GetValue<string>().Contains("rnn-step.ipynb", StringComparison.Ordinal), $"{mutation}: {text}");
            else
                Assert.True(sub["exercises"]!.AsArray().Count > 0, $"{mutation}: {text}");
        }
        Assert.Equal(book.Any(s => s!["error"] is not null) ? ExitCodes.Failed : ExitCodes.Ok, run.ExitCode);

        // A malformed teacher's notebook: refused, naming it, or graded against.
        foreach (var (mutation, json) in Fuzzed(Fixtures.TeacherNotebook, 4))
        {
            var dir = Repo.TempFolder();
            var badSource = Directory.CreateDirectory(Path.Combine(dir, "source")).FullName;
            File.WriteAllText(Path.Combine(badSource, "rnn-step.ipynb"), json);
            var result = Verb(mutation, [ExitCodes.Ok, ExitCodes.Error, ExitCodes.Failed],
                "grade", studentPath, "--source", badSource, "--out", Path.Combine(dir, "grades"), "--timeout", "20");
            NamesTheFile(mutation, result, "rnn-step.ipynb");
            if (result.ExitCode != ExitCodes.Error)
                Assert.True(File.Exists(Path.Combine(dir, "grades", "gradebook.json")), $"{mutation}: no gradebook");
        }
    }
}
