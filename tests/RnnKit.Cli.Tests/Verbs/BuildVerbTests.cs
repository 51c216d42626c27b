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
            Path.Combine(executed, "01-runs.ipynb"), Path.Combine(executed, "02-fails.ipynb")], TimeSpan.FromMinutes(6));   // nbconvert took over 2 min at load 50 in CI
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("hello from the engine", File.ReadAllText(Path.Combine(work, "01-runs.html")));
        Assert.Contains("planned failure", File.ReadAllText(Path.Combine(work, "02-fails.html")));
    }

    [Fact]
    public void Build_replaces_its_own_previous_site_and_never_a_file_it_did_not_write()
    {
        var (work, lessons) = TextOnlyCourse();
        var site = Path.Combine(work, "site");
        string[] build = ["build", "--notebooks", lessons, "--out", site, "--executed", Path.Combine(work, "executed")];

        var first = CliRunner.Run(build);
        Assert.True(first.ExitCode == 0, first.Stderr);
        var second = CliRunner.Run(build);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.True(File.Exists(Path.Combine(site, "01-text.html")));

        File.WriteAllText(Path.Combine(site, "thesis.tex"), "not the kit's");
        var refused = CliRunner.Run(build);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("holds files the kit did not write; pass --force", refused.Stderr);
        var forced = CliRunner.Run([.. build, "--force"]);
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.Equal("not the kit's", File.ReadAllText(Path.Combine(site, "thesis.tex")));
        Assert.True(File.Exists(Path.Combine(site, "01-text.html")));
        Assert.Empty(Directory.GetDirectories(work, ".site.rnnkit-*"));
    }

    [Fact]
    public void A_site_folder_overlapping_the_lessons_is_refused_and_the_lessons_stay()
    {
        var (work, lessons) = TextOnlyCourse();
        var before = Directory.GetFiles(lessons).Select(File.ReadAllText).ToList();
        foreach (var output in new[] { lessons, work, Path.Combine(lessons, "site") })
        {
            var refused = CliRunner.Run("build", "--notebooks", lessons, "--out", output, "--executed", Path.Combine(work, "executed"), "--force");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("overlaps", refused.Stderr);
        }
        var intoLessons = CliRunner.Run("build", "--notebooks", lessons, "--out", Path.Combine(work, "site"), "--executed", lessons);
        Assert.Equal(1, intoLessons.ExitCode);
        Assert.Equal(before, Directory.GetFiles(lessons).Select(File.ReadAllText).ToList());
    }

    [Fact]
    public void A_second_build_on_the_same_executed_folder_is_refused_and_the_site_stays_as_it_was()
    {
        var (work, lessons) = TextOnlyCourse();
        var site = Path.Combine(work, "site");
        var executed = Path.Combine(work, "executed");
        string[] build = ["build", "--notebooks", lessons, "--out", site, "--executed", executed];
        Assert.Equal(0, CliRunner.Run(build).ExitCode);
        var page = File.ReadAllText(Path.Combine(site, "01-text.html"));

        using (new FileStream(Path.Combine(executed, Notebooks.Export.CourseBuild.LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var busy = CliRunner.Run(build);
            Assert.Equal(1, busy.ExitCode);
            Assert.Contains("another build is using it", busy.Stderr);
        }
        Assert.Equal(page, File.ReadAllText(Path.Combine(site, "01-text.html")));
    }

    [Fact]
    public void A_Chinese_twin_runs_and_becomes_the_Chinese_edition_with_its_index_and_switches()
    {
        var work = Repo.TempFolder("rnnkit-build-zh");
        var lessons = Path.Combine(work, "lessons");
        Directory.CreateDirectory(lessons);
        File.Copy(Path.Combine(Lessons, "01-runs.ipynb"), Path.Combine(lessons, "01-runs.ipynb"));
        File.Copy(Path.Combine(Lessons, "README.md"), Path.Combine(lessons, "README.md"));
        File.WriteAllText(Path.Combine(lessons, LessonFiles.ChineseSyllabusName), "# 构建测试\n\n从[会运行的一课](01-runs.zh.ipynb)开始。\n");
        // The twin: the same code up to its string literal, Chinese Markdown, the edition in its metadata.
        var twin = Notebooks.Model.Notebook.Load(Path.Combine(Lessons, "01-runs.ipynb"));
        twin.Metadata["rnnkit"] = new JsonObject { ["language"] = "zh-Hans" };
        twin.Cells[0].Source = "# 会运行的一课\n\n它求 $x$ 的平方：$x^2$。";
        twin.Cells[1].Source = twin.Cells[1].Source.Replace("\"hello from the engine\"", "\"来自引擎的问候\"");
        twin.Save(Path.Combine(lessons, "01-runs.zh.ipynb"));

        var site = Path.Combine(work, "site");
        var executed = Path.Combine(work, "executed");
        var result = CliRunner.Run("build", "--notebooks", lessons, "--out", site, "--executed", executed, "--timeout", "60");
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Contains("[2/2] running", result.Stderr);
        Assert.Contains("2 of 2 lessons ran cleanly", result.Stdout);
        Assert.Matches(@"exported 2 lessons in 2 editions \(en, zh-Hans\) to .*; \d+ Chinese characters in \d+ font files of \d+ KiB", result.Stderr);

        // The twin ran itself: its executed copy and its page show what its own code printed.
        Assert.Contains("来自引擎的问候", File.ReadAllText(Path.Combine(executed, "01-runs.zh.ipynb")));
        var page = File.ReadAllText(Path.Combine(site, "01-runs.zh.html"));
        Assert.Contains("<html lang=\"zh-Hans\">", page);
        Assert.Contains("<pre>来自引擎的问候\n</pre>", page);
        Assert.Contains("<a class=\"language-switch\" href=\"01-runs.html\"", page);
        Assert.Contains("<a class=\"language-switch\" href=\"01-runs.zh.html\"", File.ReadAllText(Path.Combine(site, "01-runs.html")));
        var index = File.ReadAllText(Path.Combine(site, "index.zh.html"));
        Assert.Contains("<a href=\"01-runs.zh.html\">会运行的一课</a>", index);
        Assert.Contains("<li><a href=\"01-runs.zh.html\">会运行的一课</a></li>", index);
        Assert.True(Directory.GetFiles(Path.Combine(site, CjkFontAssets.SiteFolder, "files"), "*.woff2").Length > 0);
    }

    /// <summary>A course of one Markdown-only lesson (nothing to run, so quick), in a fresh folder.</summary>
    private static (string Work, string Lessons) TextOnlyCourse()
    {
        var work = Repo.TempFolder("rnnkit-rebuild");
        var lessons = Path.Combine(work, "lessons");
        Directory.CreateDirectory(lessons);
        File.Copy(Path.Combine(Lessons, "README.md"), Path.Combine(lessons, "README.md"));
        var onlyMarkdown = new Notebooks.Model.Notebook { Path = Path.Combine(lessons, "01-text.ipynb") };
        onlyMarkdown.Cells.Add(Notebooks.Model.Cell.Markdown("# Text only"));
        onlyMarkdown.Save(onlyMarkdown.Path);
        return (work, lessons);
    }

    [Fact]
    public void A_missing_course_folder_is_named()
    {
        var result = CliRunner.Run("build", "--notebooks", "no/such/course", "--out", Path.Combine(Repo.TempFolder(), "site"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no/such/course: no such file or folder", result.Stderr);
    }
}
