using System.Text.Json.Nodes;
using RnnKit.Notebooks.Export;
using RnnKit.TestSupport;
using Xunit;
using CliRunner = RnnKit.TestSupport.Cli;

namespace RnnKit.Cli.Tests.Verbs;

/// <summary>
/// `rnnkit build` on Fixtures/build: a lesson that runs and one that fails on purpose, built once and shared.
/// </summary>
public class BuildVerbTests
{
    private static string Lessons => Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Export", "Fixtures", "build");

    private sealed record Built(CliRunner.Result Result, string Site, string Executed);

    private static readonly Lazy<Built> Shared = new(() =>
    {
        var work = Repo.TempFolder("rnnkit-build");
        var site = Path.Combine(work, "site");
        var executed = Path.Combine(work, "executed");
        var result = CliRunner.Run("build", "--notebooks", Lessons, "--out", site, "--executed", executed, "--timeout", "60");
        return new Built(result, site, executed);
    });

    [Fact]
    public void A_failing_lesson_exits_2_naming_it_and_the_site_is_still_written()
    {
        var (result, site, _) = Shared.Value;
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Contains("[1/2] running", result.Stderr);
        Assert.Contains("1 lesson(s) failed:", result.Stderr);
        Assert.Contains("02-fails.ipynb cell 2 (error)", result.Stderr);
        Assert.Contains("planned failure", result.Stderr);
        Assert.Contains("1 of 2 lessons ran cleanly", result.Stdout);

        Assert.True(SiteExporter.IsSite(site));
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<h1 id=\"build-fixture\">Build fixture</h1>", index);
        Assert.Contains("<li><a href=\"01-runs.html\">A lesson that runs</a></li>", index);
        Assert.Contains("<a href=\"02-fails.html\">A lesson that fails</a><span class=\"failed\"", index);
    }

    [Fact]
    public void Pages_show_what_the_engine_produced()
    {
        var (_, site, _) = Shared.Value;
        var runs = File.ReadAllText(Path.Combine(site, "01-runs.html"));
        Assert.Contains("<div class=\"output stream stdout\"><pre>hello from the engine\n</pre></div>", runs);
        Assert.Matches("<span class=\"prompt out\">Out\\[1\\]:</span>.*42", runs);
        Assert.Contains("<a href=\"02-fails.html\">the failing one</a>", runs);
        var fails = File.ReadAllText(Path.Combine(site, "02-fails.html"));
        Assert.Contains("This lesson did not run cleanly", fails);
        Assert.Contains("<div class=\"output error\">", fails);
        Assert.Contains("planned failure", fails);
        Assert.DoesNotContain("never printed</pre>", fails);
    }

    [Fact]
    public void Executed_copies_and_the_run_report_are_kept()
    {
        var (_, _, executed) = Shared.Value;
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(executed, "report.json")))!["notebooks"]!.AsArray();
        Assert.Equal(["ok", "failed"], report.Select(n => n!["status"]!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(executed, "01-runs.ipynb")));
        Assert.True(File.Exists(Path.Combine(executed, "02-fails.ipynb")));
    }

    [Fact]
    public void Executed_copies_convert_with_jupyter_nbconvert()
    {
        var jupyter = Interop.RequireProgram("jupyter", "Jupyter nbconvert (Debian package jupyter-nbconvert)");
        var (_, _, executed) = Shared.Value;
        var work = Repo.TempFolder("rnnkit-nbconvert");
        var result = Interop.Run(jupyter, ["nbconvert", "--to", "html", "--output-dir", work,
            Path.Combine(executed, "01-runs.ipynb"), Path.Combine(executed, "02-fails.ipynb")], TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("hello from the engine", File.ReadAllText(Path.Combine(work, "01-runs.html")));
        Assert.Contains("planned failure", File.ReadAllText(Path.Combine(work, "02-fails.html")));
    }

    [Fact]
    public void Build_replaces_its_own_previous_site_but_not_another_folder()
    {
        var work = Repo.TempFolder("rnnkit-rebuild");
        var lessons = Path.Combine(work, "lessons");
        Directory.CreateDirectory(lessons);
        File.Copy(Path.Combine(Lessons, "README.md"), Path.Combine(lessons, "README.md"));
        var onlyMarkdown = new Notebooks.Model.Notebook { Path = Path.Combine(lessons, "01-text.ipynb") };
        onlyMarkdown.Cells.Add(Notebooks.Model.Cell.Markdown("# Text only"));
        onlyMarkdown.Save(onlyMarkdown.Path);
        var site = Path.Combine(work, "site");
        string[] build = ["build", "--notebooks", lessons, "--out", site, "--executed", Path.Combine(work, "executed")];

        var first = CliRunner.Run(build);
        Assert.True(first.ExitCode == 0, first.Stderr);
        File.WriteAllText(Path.Combine(site, "stale.html"), "from an older build");
        var second = CliRunner.Run(build);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.False(File.Exists(Path.Combine(site, "stale.html")));
        Assert.True(File.Exists(Path.Combine(site, "01-text.html")));

        var other = Path.Combine(work, "other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "keep.txt"), "not a site");
        var refused = CliRunner.Run(["build", "--notebooks", lessons, "--out", other]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("folder is not empty; pass --force", refused.Stderr);
        Assert.Equal("not a site", File.ReadAllText(Path.Combine(other, "keep.txt")));
    }

    [Fact]
    public void A_missing_course_folder_is_named()
    {
        var result = CliRunner.Run("build", "--notebooks", "no/such/course", "--out", Path.Combine(Repo.TempFolder(), "site"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no/such/course: no such file or folder", result.Stderr);
    }
}
