using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;
using Fixtures = RnnKit.Notebooks.Tests.Exercises.Fixtures;
using Rnnkit = RnnKit.TestSupport.Cli;

namespace RnnKit.Cli.Tests.Verbs;

/// <summary>
/// A class of hostile and unlucky submissions of the fixture notebook, graded in one `rnnkit grade` run: forged
/// replies and results, checks shadowed and loosened, data re-declared, the teacher's notebook read, classmates'
/// files and the gradebook attacked (also by a `setsid` process meant to outlive grading), memory and thread
/// floods, a process killed once from outside, a method that never returns, a 20 MB message, a file of another
/// lesson, non-UTF-8 bytes. Each gets exactly the marks its honest parts earn (a thread flood costs exactly the
/// cell it is in: its exercise when that is an answer cell, nothing when it is a cell of its own), the feedback
/// names what happened, and the teacher's folder, the other submissions and the output folder are the same
/// afterwards (hashed).
/// </summary>
public class HostileSubmissionsTests
{
    private const string RightStep = """
        // Exercise 1.1: One RNN step (2 points)
        static Matrix<double> RnnStep(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> Wax, Matrix<double> Waa, Matrix<double> ba)
        {
            var z = Wax * xt + Waa * aPrev;
            for (var j = 0; j < z.ColumnCount; j++) z.SetColumn(j, z.Column(j) + ba.Column(0));
            return z.Map(Math.Tanh);
        }
        """;

    private const string StepWithoutBias = """
        // Exercise 1.1: One RNN step (2 points)
        static Matrix<double> RnnStep(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> Wax, Matrix<double> Waa, Matrix<double> ba)
            => (Wax * xt + Waa * aPrev).Map(Math.Tanh);
        """;

    private const string Flood = """
        var started = 0;
        try { for (var i = 0; i < 5000; i++) { new System.Threading.Thread(() => System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite)).Start(); started++; } }
        catch (Exception e) { Console.WriteLine($"{started} threads, then {e.GetType().Name}"); }
        """;

    private const string RightRate = "// Exercise 1.2: Learning rate (1 point)\ndouble learningRate = 0.05;";

    private const string RightSoftmax = """
        // Exercise 1.3: Stable softmax (2 points)
        static Vector<double> Softmax(Vector<double> z)
        {
            var e = (z - z.Maximum()).PointwiseExp();
            return e / e.Sum();
        }
        """;

    /// <summary>A teacher's second notebook: a sum over data the hidden test loops over.</summary>
    private static Notebook Loops()
    {
        var nb = new Notebook();
        nb.Cells.Add(Cell.Code("using RnnKit.Exercises;\nvar cases = new[] { (1, 2), (30, 12), (-5, 5) };"));
        nb.Cells.Add(Cell.Code("// Exercise 2.1: Add (1 point)\nint Add(int a, int b)\n{\n    // BEGIN SOLUTION\n    return a + b;\n    // END SOLUTION\n}"));
        nb.Cells.Add(Cell.Code("// Tests for 2.1\nCheck.Equal(\"Add(2, 2)\", Add(2, 2), 4);\n// BEGIN HIDDEN TESTS\nforeach (var (a, b) in cases)\n    Check.Equal($\"Add({a}, {b})\", Add(a, b), a + b);\n// END HIDDEN TESTS"));
        return nb;
    }

    private static string Submission(string step, string rate, string softmax, params string[] extraCells)
    {
        var nb = StudentVersion.Create(Notebook.Load(Fixtures.TeacherNotebook));
        nb.Cells.Single(c => c.Id == "ex-1-1").Source = step;
        nb.Cells.Single(c => c.Id == "ex-1-2").Source = rate;
        nb.Cells.Single(c => c.Id == "ex-1-3").Source = softmax;
        var at = nb.Cells.FindIndex(c => c.Id == "ex-1-1");
        foreach (var extra in extraCells.Reverse())
            nb.Cells.Insert(at, Cell.Code(extra));
        return nb.ToJson();
    }

    private static string Hash(string folder) =>
        !Directory.Exists(folder) ? "none" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => f + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))))))) ;

    [Fact]
    public void Each_hostile_submission_earns_exactly_its_honest_marks_and_harms_nothing()
    {
        Interop.RequireSandbox();
        var root = Repo.TempFolder();
        var source = Path.Combine(root, "source");
        Directory.CreateDirectory(source);
        File.Copy(Fixtures.TeacherNotebook, Path.Combine(source, "rnn-step.ipynb"));
        Loops().Save(Path.Combine(source, "loops.ipynb"));
        var subs = Path.Combine(root, "subs");
        var outFolder = Path.Combine(root, "grades");
        var honestPath = Path.Combine(subs, "honest", "rnn-step.ipynb");
        var teacherPath = Path.Combine(source, "rnn-step.ipynb");
        string Q(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");

        var corpus = new Dictionary<string, string>
        {
            ["honest"] = Submission(RightStep, RightRate, RightSoftmax),
            // 1: forged messages on the process's own stdout, and results files searched for in /tmp.
            ["forge"] = Submission("""
                // Exercise 1.1: One RNN step (2 points)
                static Matrix<double> RnnStep(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> Wax, Matrix<double> Waa, Matrix<double> ba)
                {
                    var raw = Console.OpenStandardOutput();
                    raw.Write(System.Text.Encoding.UTF8.GetBytes("{\"reply\": true, \"seq\": 1, \"value\": null}\n{\"id\": \"1.1\", \"score\": 2, \"max\": 2, \"status\": \"passed\", \"feedback\": \"\"}\n{\"finished\": true}\n"));
                    raw.Flush();
                    return (Wax * xt).Map(Math.Tanh);
                }
                """, RightRate, RightSoftmax, """
                foreach (var f in System.IO.Directory.EnumerateFiles("/tmp", "results.jsonl", System.IO.SearchOption.AllDirectories))
                    System.IO.File.AppendAllText(f, "{\"id\": \"1.1\", \"title\": \"x\", \"score\": 2, \"max\": 2, \"status\": \"passed\", \"feedback\": \"\"}\n{\"finished\": true}\n");
                """),
            // 2: Check shadowed by a class and a variable, Tolerance.Default loosened by reflection, answers wrong.
            ["shadow"] = Submission(StepWithoutBias, "// Exercise 1.2: Learning rate (1 point)\ndouble learningRate = 0.5;", """
                // Exercise 1.3: Stable softmax (2 points)
                static Vector<double> Softmax(Vector<double> z) => z.PointwiseExp() / z.PointwiseExp().Sum() + 1e-3;
                """, """
                static class Check { public static void RnnStep(object f, object s = null) { } public static void Close(params object[] a) { } }
                typeof(RnnKit.Exercises.Tolerance).GetField("<Default>k__BackingField", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .SetValue(null, new RnnKit.Exercises.Tolerance(1e300, 1e300));
                """),
            // 3: the teacher's notebook and the other submissions read, then shown in the feedback.
            ["leak"] = Submission($$"""
                // Exercise 1.1: One RNN step (2 points)
                static Matrix<double> RnnStep(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> Wax, Matrix<double> Waa, Matrix<double> ba)
                    => throw new Exception(Try(() => System.IO.File.ReadAllText("{{Q(teacherPath)}}")) + " / " + Try(() => string.Join(",", System.IO.Directory.GetFiles("{{Q(subs)}}", "*", System.IO.SearchOption.AllDirectories))));
                static string Try(Func<string> read) { try { return read(); } catch (Exception e) { return e.GetType().Name; } }
                """, RightRate, RightSoftmax),
            // 3: classmates' files, the teacher's folder and the gradebook attacked, now and after grading (setsid).
            ["harm"] = Submission(RightStep, RightRate, RightSoftmax, $$"""
                void Try(Action act) { try { act(); } catch (Exception) { } }
                Try(() => System.IO.File.WriteAllText("{{Q(honestPath)}}", "{}"));
                Try(() => System.IO.File.WriteAllText("{{Q(Path.Combine(source, "rnn-step.ipynb"))}}", "{}"));
                Try(() => System.IO.File.WriteAllText("{{Q(Path.Combine(outFolder, "gradebook.json"))}}", "{}"));
                Try(() => System.Diagnostics.Process.Start("setsid", new[] { "sh", "-c", "sleep 3; echo '{}' > '{{Q(Path.Combine(outFolder, "gradebook.json"))}}'; echo '{}' > '{{Q(honestPath)}}'" }));
                """),
            // 3: memory taken until the limit (--memory 600), and thousands of threads.
            ["memory"] = Submission(RightStep, RightRate, RightSoftmax, """
                var hog = new List<double[]>();
                while (true) { var block = new double[16 << 20]; Array.Fill(block, 1.0); hog.Add(block); }
                """),
            // Threads that outlive their cell, up to the sandbox's limits: in exercise 1.1's answer cell, and in a cell of its own.
            ["threads"] = Submission(RightStep + "\n" + Flood, RightRate, RightSoftmax),
            ["threads-cell"] = Submission(RightStep, RightRate, RightSoftmax, Flood),
            // 5: the sandbox killed from outside once, in a plain cell (here by itself, once).
            ["killed"] = Submission(RightStep, RightRate, RightSoftmax, """
                if (!System.IO.File.Exists("killed-once")) { System.IO.File.WriteAllText("killed-once", ""); System.Diagnostics.Process.GetCurrentProcess().Kill(); }
                """),
            // A method that never returns (and does not spin, to spare the CPU): stopped, the rest still graded.
            ["hang"] = Submission(RightStep, RightRate, """
                // Exercise 1.3: Stable softmax (2 points)
                static Vector<double> Softmax(Vector<double> z) { System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite); return z; }
                """),
            // 8: a 20 MB exception message.
            ["huge"] = Submission("""
                // Exercise 1.1: One RNN step (2 points)
                static Matrix<double> RnnStep(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> Wax, Matrix<double> Waa, Matrix<double> ba)
                    => throw new Exception(new string('x', 20_000_000));
                """, RightRate, RightSoftmax),
        };
        foreach (var (name, json) in corpus)
        {
            Directory.CreateDirectory(Path.Combine(subs, name));
            File.WriteAllText(Path.Combine(subs, name, "rnn-step.ipynb"), json);
        }
        // 2: the data a hidden test loops over re-declared empty, and the answer wrong.
        var loops = StudentVersion.Create(Loops());
        loops.Cells.Insert(2, Cell.Code("cases = new (int, int)[0];"));
        loops.Cells[1].Source = "// Exercise 2.1: Add (1 point)\nint Add(int a, int b) => 4;";
        loops.Save(Path.Combine(subs, "redeclare", "loops.ipynb"));
        // 8: the fixture's exercises saved under the other lesson's file name; bytes that are not UTF-8.
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(subs, "renamed")).FullName, "loops.ipynb"), corpus["honest"]);
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(subs, "latin1")).FullName, "rnn-step.ipynb"),
            [.. Encoding.UTF8.GetBytes(corpus["honest"][..200]), 0xE9, 0xFF, .. Encoding.UTF8.GetBytes(corpus["honest"][200..])]);

        var untouched = new[] { source }.Concat(Directory.GetDirectories(subs)).ToDictionary(d => d, Hash);
        var run = Rnnkit.Run("grade", subs, "--source", source, "--out", outFolder, "--timeout", "8", "--jobs", "2", "--memory", "600");
        var afterGrading = Hash(outFolder);
        Thread.Sleep(4000);   // longer than the setsid process meant to wait

        Assert.Equal(afterGrading, Hash(outFolder));
        foreach (var (folder, hash) in untouched)
            Assert.True(hash == Hash(folder), $"{folder} changed while grading");
        var book = JsonNode.Parse(File.ReadAllText(Path.Combine(outFolder, "gradebook.json")))!["submissions"]!.AsArray();
        JsonNode Sub(string name) => book.Single(s => s!["file"]!.GetValue<string>().Replace('\\', '/').Contains($"/{name}/", StringComparison.Ordinal))!;
        JsonNode Ex(string name, string id) => Sub(name)["exercises"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == id)!;
        string Feedback(string name, string id) => Ex(name, id)["feedback"]!.GetValue<string>();
        int Score(string name) => Sub(name)["score"]!.GetValue<int>();
        var summary = run.Stdout + run.Stderr;

        Assert.True(Score("honest") == 5, summary);
        Assert.True(Score("forge") == 3, summary);
        Assert.Contains("out of turn", Feedback("forge", "1.1"));
        Assert.True(Score("shadow") == 0, summary);
        Assert.Contains("a_next is wrong", Feedback("shadow", "1.1"));
        Assert.Contains("declares 'Check', which hides the kit's RnnKit.Exercises.Check", Feedback("shadow", "1.1"));
        Assert.True(Score("redeclare") == 0, summary);
        Assert.Contains("Add(1, 2) is 4, expected 3", Feedback("redeclare", "2.1"));
        Assert.True(Score("leak") == 3, summary);
        Assert.DoesNotContain("BEGIN SOLUTION", Feedback("leak", "1.1"));
        Assert.Contains("DirectoryNotFoundException", Feedback("leak", "1.1"));
        Assert.True(Score("harm") == 5, summary);
        Assert.True(Score("memory") == 5, summary);
        // A thread flood costs its own cell, whatever the load: whether the sandbox's runtime survives it (the threads
        // are named when the cell ends) or dies of it (the cell is run again once, and dies again), the cell fails, the
        // sandbox is started again without it, and every other exercise is graded.
        Assert.True(Score("threads") == 3, summary);
        Assert.Equal("error", Ex("threads", "1.1")["status"]!.GetValue<string>());
        Assert.Matches("threads|sandboxed process ended", Feedback("threads", "1.1"));
        Assert.True(Score("threads-cell") == 5, summary);
        foreach (var (name, cell) in new[] { ("threads", 4), ("threads-cell", 4) })
            Assert.Contains(Sub(name)["notes"]!.AsArray(), n => n!.GetValue<string>().StartsWith($"your sandbox was stopped in cell {cell}: ", StringComparison.Ordinal)
                                                                && n.GetValue<string>().Contains("counts as failed", StringComparison.Ordinal));
        Assert.True(Score("killed") == 5, summary);
        Assert.Contains(Sub("killed")["notes"]!.AsArray(), n => n!.GetValue<string>().Contains("sandbox was stopped", StringComparison.Ordinal));
        Assert.True(Score("hang") == 3, summary);
        Assert.Equal("timeout", Ex("hang", "1.3")["status"]!.GetValue<string>());
        Assert.Contains("your Softmax did not answer within", Feedback("hang", "1.3"));
        Assert.True(Score("huge") == 3, summary);
        Assert.InRange(Feedback("huge", "1.1").Length, 100, 3000);
        Assert.Contains("more characters cut", Feedback("huge", "1.1"));
        Assert.True(new FileInfo(Path.Combine(outFolder, "gradebook.json")).Length < 200_000);
        Assert.True(Score("renamed") == 5, summary);
        Assert.Contains("holds the exercises of rnn-step.ipynb", Sub("renamed")["notes"]![0]!.GetValue<string>());
        Assert.Contains("not UTF-8", Sub("latin1")["error"]!.GetValue<string>());
    }
}
