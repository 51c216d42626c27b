namespace RnnKit.Notebooks.Export;

/// <summary>
/// The lessons named on a command line: a folder stands for its .ipynb files in name order (00-…, 01-…), a file
/// for itself. The syllabus is the README.md of the first folder given (or of the first notebook's folder).
/// </summary>
/// <param name="Notebooks">Notebook paths in course order.</param>
/// <param name="Syllabus">The README.md to show on the index, or null.</param>
public sealed record LessonFiles(IReadOnlyList<string> Notebooks, string? Syllabus)
{
    public const string SyllabusName = "README.md";

    /// <exception cref="SiteExportException">A path that does not exist, a file that is not .ipynb, or no notebooks at all.</exception>
    public static LessonFiles Find(IEnumerable<string> paths)
    {
        var notebooks = new List<string>();
        string? syllabus = null;
        string? firstFileFolder = null;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.ipynb")
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                    throw new SiteExportException($"{path}: the folder has no .ipynb notebooks");
                notebooks.AddRange(found);
                syllabus ??= ExistingSyllabus(path);
            }
            else if (File.Exists(path))
            {
                if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new SiteExportException($"{path}: not a notebook (expected a .ipynb file or a folder of them)");
                notebooks.Add(path);
                firstFileFolder ??= Path.GetDirectoryName(Path.GetFullPath(path));
            }
            else
                throw new SiteExportException($"{path}: no such file or folder");
        }
        if (notebooks.Count == 0)
            throw new SiteExportException("no notebooks given");
        syllabus ??= firstFileFolder is null ? null : ExistingSyllabus(firstFileFolder);
        return new LessonFiles(notebooks, syllabus);
    }

    private static string? ExistingSyllabus(string folder)
    {
        var readme = Path.Combine(folder, SyllabusName);
        return File.Exists(readme) ? readme : null;
    }
}
