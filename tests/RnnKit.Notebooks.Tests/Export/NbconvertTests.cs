using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Export;

/// <summary>Jupyter's own exporter accepts the executed notebooks the site is built from (after a round trip
/// through our model), so they are real nbformat 4.5 files with outputs Jupyter understands.</summary>
public class NbconvertTests
{
    [Fact]
    public void Executed_fixture_lessons_convert_with_jupyter_nbconvert()
    {
        var jupyter = Interop.RequireProgram("jupyter", "Jupyter nbconvert (Debian package jupyter-nbconvert)");
        var work = Repo.TempFolder("rnnkit-nbconvert");
        var copies = new List<string>();
        foreach (var name in new[] { "01-first.ipynb", "02-second.ipynb" })
        {
            var copy = Path.Combine(work, name);
            Notebook.Load(FixtureSite.Lesson(name)).Save(copy);
            copies.Add(copy);
        }

        var result = Interop.Run(jupyter, ["nbconvert", "--to", "html", "--output-dir", work, .. copies], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var html = File.ReadAllText(Path.Combine(work, "01-first.html"));
        Assert.Contains("shapes (3, 2) and (4, 2) differ", html);
        Assert.True(File.Exists(Path.Combine(work, "02-second.html")));
    }
}
