using RnnKit.Notebooks.Tests.Export;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// The README's main command on the real course: `rnnkit build` runs every lesson and exports the site; the
/// executed lessons are valid nbformat for Jupyter's own nbformat and convert with nbconvert, and every page of the
/// site opens in headless Chromium with no script error, every formula typeset and every chart drawn.
/// </summary>
public class CourseSiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Build_of_the_course_gives_valid_notebooks_and_a_site_that_renders_offline()
    {
        var chromium = Interop.RequireProgram("chromium", "Chromium (Debian package chromium)");
        var jupyter = Interop.RequireProgram("jupyter", "Jupyter nbconvert (Debian package jupyter-nbconvert)");
        Interop.RequirePythonModules("nbformat");
        var (build, site, executed, seconds) = CourseBuild.Value;
        var work = Path.GetDirectoryName(site)!;
        output.WriteLine($"rnnkit build: exit {build.ExitCode} in {seconds:F1} s\n{build.Stderr}");
        Assert.True(build.ExitCode == 0, build.Stderr);

        var lessons = LessonTests.LessonFiles().Select(Path.GetFileName).ToArray();
        var copies = lessons.Select(name => Path.Combine(executed, name!)).ToArray();
        Assert.All(copies, copy => Assert.True(File.Exists(copy), $"no executed copy {copy}"));

        var valid = Interop.ValidateNotebooks(copies);
        Assert.True(valid.ExitCode == 0, valid.Stderr);

        var converted = Path.Combine(work, "nbconvert");
        var convert = Interop.Run(jupyter, ["nbconvert", "--to", "html", "--output-dir", converted, .. copies], TimeSpan.FromMinutes(3));
        Assert.True(convert.ExitCode == 0, convert.Stderr);
        Assert.All(lessons, name => Assert.True(File.Exists(Path.Combine(converted, Path.ChangeExtension(name!, ".html")))));

        var pages = Directory.EnumerateFiles(site, "*.html").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(lessons.Length + 1, pages.Count);
        var statuses = SiteBrowser.Check(chromium, pages);
        foreach (var (page, s) in statuses)
        {
            var name = Path.GetFileName(page);
            output.WriteLine($"{name}: {s.Typeset}/{s.Formulas} formulas, {s.Drawn}/{s.Charts} charts");
            Assert.True(s.Errors.Length == 0, $"{name}: script errors: {string.Join("; ", s.Errors)}");
            Assert.True(s.External.Length == 0, $"{name}: requests to the network: {string.Join(", ", s.External)}");
            Assert.True(s.Typeset == s.Formulas, $"{name}: {s.Typeset} of {s.Formulas} formulas typeset");
            Assert.True(s.KatexErrors == 0, $"{name}: {s.KatexErrors} formulas KaTeX could not parse");
            Assert.True(s.Drawn == s.Charts, $"{name}: {s.Drawn} of {s.Charts} charts drawn");
            if (name != "index.html")
            {
                Assert.True(s.Formulas > 0, $"{name} shows no formula");
                Assert.True(s.Charts >= 2, $"{name} shows {s.Charts} charts");
            }
        }
    }
}
