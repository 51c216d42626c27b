using RnnKit.Notebooks.Export;
using RnnKit.TestSupport;
using Xunit;
using CliRunner = RnnKit.TestSupport.Cli;
using RnnKit.Notebooks.Tests.Export;

namespace RnnKit.Cli.Tests.Verbs;

public class ExportVerbTests
{
    [Fact]
    public void Exports_a_folder_of_lessons()
    {
        var output = Path.Combine(Repo.TempFolder(), "site");
        var result = CliRunner.Run("export", FixtureSite.CourseFolder, "--out", output, "--title", "Test course");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("exported 2 lessons (11 formulas, 2 charts)", result.Stdout);
        Assert.Contains("<title>Lesson two: charts · Test course</title>", File.ReadAllText(Path.Combine(output, "02-second.html")).Replace("&#183;", "·"));
        Assert.True(SiteExporter.IsSite(output));
    }

    [Fact]
    public void A_folder_with_files_the_kit_did_not_write_needs_force_and_keeps_them()
    {
        var output = Repo.TempFolder();
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        var refused = CliRunner.Run("export", FixtureSite.Lesson("01-first.ipynb"), "--out", output);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("holds files the kit did not write; pass --force", refused.Stderr);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));

        var forced = CliRunner.Run("export", FixtureSite.Lesson("01-first.ipynb"), "--out", output, "--force");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));

        var again = CliRunner.Run("export", FixtureSite.CourseFolder, "--out", output, "--force");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(output, "01-first.html")));
    }

    [Fact]
    public void A_site_the_kit_wrote_is_replaced_whole_without_force()
    {
        var output = Path.Combine(Repo.TempFolder(), "site");
        Assert.Equal(0, CliRunner.Run("export", FixtureSite.CourseFolder, "--out", output).ExitCode);
        var pages = Directory.GetFiles(output, "*.html").Length;
        var one = CliRunner.Run("export", FixtureSite.Lesson("01-first.ipynb"), "--out", output);
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.True(Directory.GetFiles(output, "*.html").Length < pages);
    }

    [Fact]
    public void Bad_inputs_name_what_is_wrong()
    {
        var missing = CliRunner.Run("export", "no/such/lesson.ipynb", "--out", Repo.TempFolder());
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no/such/lesson.ipynb: no such file or folder", missing.Stderr);

        var broken = Path.Combine(Repo.TempFolder(), "broken.ipynb");
        File.WriteAllText(broken, "{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\"}]}");
        var unreadable = CliRunner.Run("export", broken, "--out", Repo.TempFolder());
        Assert.Equal(1, unreadable.ExitCode);
        Assert.Contains($"{broken}: cell 1: field 'source'", unreadable.Stderr);

        var noOut = CliRunner.Run("export", FixtureSite.CourseFolder);
        Assert.Equal(64, noOut.ExitCode);
        Assert.Contains("--out DIR is required", noOut.Stderr);

        var empty = CliRunner.Run("export", Repo.TempFolder(), "--out", Repo.TempFolder());
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("the folder has no .ipynb notebooks", empty.Stderr);
    }

    [Fact]
    public void The_student_site_shows_stubs_not_solutions()
    {
        var teacher = Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Exercises", "Fixtures", "rnn-step.ipynb");
        var output = Path.Combine(Repo.TempFolder(), "site");
        var result = CliRunner.Run("export", teacher, "--out", output, "--student");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var page = File.ReadAllText(Path.Combine(output, "rnn-step.html"));
        Assert.Contains("not done yet", page);
        Assert.DoesNotContain("PointwiseExp", page);
        Assert.DoesNotContain("HiddenSize: 2", page);

        var markup = Path.Combine(Repo.TempFolder(), "bad.ipynb");
        File.WriteAllText(markup, File.ReadAllText(teacher).Replace("// END SOLUTION", "// END"));
        var refused = CliRunner.Run("export", markup, "--out", Path.Combine(Repo.TempFolder(), "site"), "--student");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("cannot make the student version", refused.Stderr);
        Assert.Contains("bad.ipynb", refused.Stderr);
    }
}
