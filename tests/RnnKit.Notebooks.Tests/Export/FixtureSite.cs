using RnnKit.Notebooks.Export;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;

namespace RnnKit.Notebooks.Tests.Export;

/// <summary>
/// The hand-made executed course in Fixtures/course (two lessons covering every output kind, math, charts and
/// links, plus a README syllabus), exported once per test run and shared by the export tests.
/// </summary>
internal static class FixtureSite
{
    public static string CourseFolder => Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Export", "Fixtures", "course");

    public static string Lesson(string name) => Path.Combine(CourseFolder, name);

    private static readonly Lazy<Task<SiteReport>> Exported = new(async () =>
    {
        var files = LessonFiles.Find([CourseFolder]);
        var notebooks = files.Notebooks.Select(Notebook.Load).ToList();
        return await SiteExporter.ExportAsync(notebooks, Repo.TempFolder("rnnkit-site"), new SiteOptions { SyllabusPath = files.Syllabus });
    });

    public static Task<SiteReport> SiteAsync() => Exported.Value;

    public static async Task<string> PageAsync(string name) =>
        await File.ReadAllTextAsync(Path.Combine((await SiteAsync()).Folder, name));
}
