using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// The lessons named on a command line (<see cref="NotebookFiles.Find"/>: a folder stands for its notebooks in name
/// order, 00-…, 01-…, a file for itself), Chinese twins (NN-words.zh.ipynb) included. The syllabus is the README.md of
/// the first folder given (or of the first notebook's folder), the Chinese edition's syllabus its README.zh.md.
/// </summary>
/// <param name="Notebooks">Notebook paths in course order.</param>
/// <param name="Syllabus">The README.md to show on the index, or null.</param>
/// <param name="ChineseSyllabus">The README.zh.md to show on the Chinese index, or null.</param>
public sealed record LessonFiles(IReadOnlyList<string> Notebooks, string? Syllabus, string? ChineseSyllabus = null)
{
    public const string SyllabusName = "README.md";

    public const string ChineseSyllabusName = "README.zh.md";

    /// <exception cref="NotebookInputException">A path that does not exist, a file that is not .ipynb, or no notebooks at all.</exception>
    public static LessonFiles Find(IReadOnlyList<string> paths)
    {
        var notebooks = NotebookFiles.Find(paths).Select(f => f.Path).ToList();
        var folder = paths.FirstOrDefault(Directory.Exists) ?? Path.GetDirectoryName(Path.GetFullPath(notebooks[0]));
        string? Existing(string name) => folder is not null && File.Exists(Path.Combine(folder, name)) ? Path.Combine(folder, name) : null;
        return new LessonFiles(notebooks, Existing(SyllabusName), Existing(ChineseSyllabusName));
    }
}
