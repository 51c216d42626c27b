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

    /// <summary>Fixtures/bilingual: Chinese twins of lesson 02 and of a lesson 03, and the Chinese syllabus.</summary>
    public static string BilingualFolder => Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Export", "Fixtures", "bilingual");

    /// <summary>
    /// The course in two editions: Fixtures/course with Fixtures/bilingual's files added (its README.md describes it
    /// and stays behind) — lesson 01 English only, lessons 02 and 03 in English and Chinese.
    /// </summary>
    public static string BilingualCourse()
    {
        var folder = Repo.TempFolder("rnnkit-bilingual-course");
        foreach (var file in Directory.GetFiles(CourseFolder))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(BilingualFolder).Where(f => Path.GetFileName(f) != LessonFiles.SyllabusName))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    private static readonly Lazy<Task<SiteReport>> Bilingual = new(async () =>
    {
        var files = LessonFiles.Find([BilingualCourse()]);
        var lessons = files.Notebooks.Select(path => new SiteLesson(Notebook.Load(path))).ToList();
        return await SiteExporter.ExportAsync(lessons, Repo.TempFolder("rnnkit-bilingual-site"),
            new SiteOptions { SyllabusPath = files.Syllabus, ChineseSyllabusPath = files.ChineseSyllabus });
    });

    /// <summary>The bilingual course exported once per test run.</summary>
    public static Task<SiteReport> BilingualAsync() => Bilingual.Value;

    public static async Task<string> BilingualPageAsync(string name) =>
        await File.ReadAllTextAsync(Path.Combine((await BilingualAsync()).Folder, name));

    public static async Task<string> PageAsync(string name) =>
        await File.ReadAllTextAsync(Path.Combine((await SiteAsync()).Folder, name));
}
