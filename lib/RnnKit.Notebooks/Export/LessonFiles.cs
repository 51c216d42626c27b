using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// The lessons named on a command line (<see cref="NotebookFiles.Find"/>: a folder stands for its notebooks in name
/// order, 00-…, 01-…, a file for itself). The syllabus is the README.md of the first folder given (or of the first
/// notebook's folder).
/// </summary>
/// <param name="Notebooks">Notebook paths in course order.</param>
/// <param name="Syllabus">The README.md to show on the index, or null.</param>
public sealed record LessonFiles(IReadOnlyList<string> Notebooks, string? Syllabus)
{
    public const string SyllabusName = "README.md";

    /// <exception cref="NotebookInputException">A path that does not exist, a file that is not .ipynb, or no notebooks at all.</exception>
    public static LessonFiles Find(IReadOnlyList<string> paths)
    {
        var notebooks = NotebookFiles.Find(paths).Select(f => f.Path).ToList();
        var folder = paths.FirstOrDefault(Directory.Exists) ?? Path.GetDirectoryName(Path.GetFullPath(notebooks[0]));
        var readme = folder is null ? null : Path.Combine(folder, SyllabusName);
        return new LessonFiles(notebooks, File.Exists(readme) ? readme : null);
    }
}
