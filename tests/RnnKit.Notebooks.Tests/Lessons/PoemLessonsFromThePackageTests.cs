using System.Text;
using System.Text.RegularExpressions;
using RnnKit.Cli.Verbs;
using RnnKit.Data;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// The lessons that read the poems, run as on a student's machine without Debian's fortunes-zh (Windows, macOS):
/// in a child process with the installed files hidden (RNNKIT_NO_SYSTEM_DATA=1), an empty cache, and Debian's
/// archive replaced by a loopback server holding the real fortunes-zh_2.98_all.deb (.ci/run downloads it). Every
/// output must equal the course build's, which read the installed files — the download path is the one the
/// lessons use, and it gives them the same data.
/// </summary>
public partial class PoemLessonsFromThePackageTests(ITestOutputHelper output)
{
    /// <summary>Every lesson whose code reads the poems — found from the sources, so a new poem lesson is covered.</summary>
    private static readonly string[] PoemLessons =
        [.. LessonTests.LessonFiles().Where(path => PoemReaders().IsMatch(File.ReadAllText(path))).Select(Path.GetFileName).OfType<string>()];

    private static readonly string Deb = Repo.PathOf("build", "packages", "fortunes-zh_2.98_all.deb");

    [Fact]
    public void The_poem_lessons_fetch_the_poems_once_and_print_what_the_installed_files_gave()
    {
        Interop.Require(File.Exists(Deb), $"{Deb} (.ci/run gets it with apt-get download fortunes-zh)");
        Interop.Require(File.Exists("/usr/share/games/fortunes/tang300"), "fortunes-zh");
        Assert.SkipWhen(PoemLessons.Length == 0, "no selected lesson reads the poems");
        if (LessonTests.Selected is null)   // the pattern still finds the lessons known to read the poems
            Assert.Superset(new HashSet<string> { "01-language-models.ipynb", "02-the-recurrent-network.ipynb", "06-gru.ipynb", "08-text-generation.ipynb" },
                PoemLessons.ToHashSet());
        var reference = CourseBuild.Value;

        using var server = new LoopbackServer(File.ReadAllBytes(Deb));
        var work = Repo.TempFolder("rnnkit-poems");
        var cache = Path.Combine(work, "cache");
        // What the lessons fetch from npm (lesson 12's strokes, …) is not this test's subject: the reference build
        // already put it in the user's cache, so it is linked in and only the Debian poems start missing.
        var npmData = OtherCachedData(cache);
        var executed = Path.Combine(work, "executed");
        var cli = GradeVerb.WorkerCommand();
        var run = LessonRuns.OneAtATime(() => Interop.Run(cli.FileName,
            [cli.Arguments[0], "run", .. PoemLessons.Select(l => Repo.PathOf("notebooks", l)), "--out", executed,
             "--timeout", CourseBuild.CellTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(15), Repo.Root, new Dictionary<string, string>
            {
                [DatasetHubOptions.NoSystemDataVariable] = "1",
                [UserCache.Variable] = cache,
                [DatasetHubOptions.DebianMirrorVariable] = server.Url("debian"),
            }));
        output.WriteLine(run.Stderr);

        Assert.True(run.ExitCode == 0, $"rnnkit run exited {run.ExitCode}:\n{run.Stdout}\n{run.Stderr}");
        Assert.Equal(["/debian/pool/main/f/fortune-zh/fortunes-zh_2.98_all.deb"], server.Paths);
        Assert.Equal(["song100", "tang300"], Directory.GetFileSystemEntries(cache).Select(Path.GetFileName).OfType<string>()
            .Except(npmData).Order(StringComparer.Ordinal));
        foreach (var lesson in PoemLessons)
        {
            var expected = Outputs(Path.Combine(reference.Executed, lesson));
            var actual = Outputs(Path.Combine(executed, lesson));
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
                Assert.True(expected[i] == actual[i], $"{lesson}, code cell {i}: the outputs differ\n--- installed files:\n{expected[i]}\n--- fetched from the .deb:\n{actual[i]}");
        }
    }

    /// <summary>
    /// Links every dataset of the user's cache other than the Debian poems into <paramref name="cache"/>; returns their names.
    /// </summary>
    private static List<string> OtherCachedData(string cache)
    {
        Directory.CreateDirectory(cache);
        var userCache = UserCache.Datasets(RnnKit.Platform.HostSystem.Current);
        if (!Directory.Exists(userCache)) return [];
        var linked = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(userCache))
        {
            var name = Path.GetFileName(entry);
            if (name is "song100" or "tang300" || name.StartsWith('.')) continue;
            var link = Path.Combine(cache, name);
            // A folder is linked (lesson 12's strokes are 32 MB); a file is copied, because the hub checks a file's
            // size and a link's own size is its target's path.
            if (Directory.Exists(entry)) Directory.CreateSymbolicLink(link, entry);
            else File.Copy(entry, link);
            linked.Add(name);
        }
        return linked;
    }

    /// <summary>
    /// Each code cell's outputs as one text, with what changes between any two runs masked: durations ("1.3 s"),
    /// element ids, and the time column of a table whose header ends in one (lesson 06's "… ms per step").
    /// </summary>
    private static List<string> Outputs(string notebook) => Notebook.Load(notebook).CodeCells.Select(cell =>
    {
        var text = new StringBuilder();
        foreach (var o in cell.Outputs)
            switch (o)
            {
                case StreamOutput s: text.Append(s.Name).Append(": ").Append(WithoutTimeColumns(s.Text)).Append('\n'); break;
                case DisplayOutput d:
                    foreach (var (mime, value) in d.Data.OrderBy(p => p.Key, StringComparer.Ordinal))
                        text.Append(mime).Append(": ").Append(value).Append('\n');
                    break;
                case ErrorOutput e: text.Append(e.Name).Append(": ").Append(e.Value).Append('\n'); break;
            }
        return Duration().Replace(ElementId().Replace(text.ToString(), "<id>"), "<duration>");
    }).ToList();

    /// <summary>Masks the last number of each row under a header whose last column is a time, up to a blank line.</summary>
    private static string WithoutTimeColumns(string text)
    {
        var lines = text.Split('\n');
        var inTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
                inTable = false;
            else if (TimeColumnHeader().IsMatch(lines[i]))
                inTable = true;
            else if (inTable)
                lines[i] = LastNumber().Replace(lines[i], " <time>");
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\b(ms|seconds)( per \w+)?\s*$")]
    private static partial Regex TimeColumnHeader();

    [GeneratedRegex(@"\s*\d[\d.,]*\s*$")]
    private static partial Regex LastNumber();

    [GeneratedRegex(@"Corpora\.(TangPoems|SongPoems|Poems)\(|PoemSplit")]
    private static partial Regex PoemReaders();

    [GeneratedRegex(@"\b\d+(\.\d+)?\s?(ms|s)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")]
    private static partial Regex ElementId();
}
