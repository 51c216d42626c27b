namespace RnnKit.Notebooks.Model;

/// <summary>A notebook named on a command line.</summary>
/// <param name="Path">The file, as found (relative paths stay relative).</param>
/// <param name="Name">Its path inside the folder given (e.g. "alice/04-the-binary-adder.ipynb"), or its file name when
/// the file itself was given.</param>
public sealed record NotebookFile(string Path, string Name);

/// <summary>
/// The one place that finds notebooks: a file given stands for itself (it must be a .ipynb), a folder for the
/// notebooks in it, in ordinal name order (00-…, 01-…), and with <c>recursive</c> for those below it too. One rule
/// for what is not a notebook of the course: Jupyter's checkpoint copies and other dot-folders (.git,
/// .ipynb_checkpoints), build output (bin, obj), dot-files, and executed copies (*.executed.ipynb).
/// </summary>
public static class NotebookFiles
{
    public const string Extension = ".ipynb";

    /// <summary>Executed copies some tools write beside a lesson; never a lesson or a submission.</summary>
    private const string ExecutedSuffix = ".executed.ipynb";

    private static readonly HashSet<string> BuildFolders = new(StringComparer.Ordinal) { "bin", "obj" };

    /// <summary>The notebooks the paths stand for, in the order given (each folder's in name order).</summary>
    /// <exception cref="NotebookInputException">A path that does not exist, a file that is not a notebook, or a folder
    /// without notebooks.</exception>
    public static IReadOnlyList<NotebookFile> Find(IEnumerable<string> paths, bool recursive = false)
    {
        var found = new List<NotebookFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var inFolder = Walk(path, recursive).Where(IsNotebook)
                    .Select(f => new NotebookFile(f, System.IO.Path.GetRelativePath(path, f)))
                    .OrderBy(f => f.Name, StringComparer.Ordinal)
                    .ToList();
                if (inFolder.Count == 0)
                    throw new NotebookInputException($"{path}: the folder has no {Extension} notebooks");
                found.AddRange(inFolder);
            }
            else if (File.Exists(path))
            {
                if (!path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
                    throw new NotebookInputException($"{path}: not a notebook (expected a {Extension} file or a folder of them)");
                found.Add(new NotebookFile(path, System.IO.Path.GetFileName(path)));
            }
            else
                throw new NotebookInputException($"{path}: no such file or folder");
        }
        if (found.Count == 0)
            throw new NotebookInputException("no notebooks given");
        return found;
    }

    /// <summary>
    /// True when writing into <paramref name="folder"/> (or replacing it whole) could overwrite or remove
    /// <paramref name="source"/>: for a source folder, the folder is it, lies inside it or contains it; for a source
    /// file, the folder contains it (its own folder included).
    /// </summary>
    public static bool Overlap(string folder, string source)
    {
        static string Full(string p) => System.IO.Path.GetFullPath(p).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
        var target = Full(folder);
        var from = Full(source);
        return File.Exists(source)
            ? from.StartsWith(target, StringComparison.Ordinal)
            : target.StartsWith(from, StringComparison.Ordinal) || from.StartsWith(target, StringComparison.Ordinal);
    }

    /// <summary>True for a .ipynb file that is a notebook of the course (not a dot-file, not an executed copy).</summary>
    public static bool IsNotebook(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
               && !name.EndsWith(ExecutedSuffix, StringComparison.OrdinalIgnoreCase)
               && !name.StartsWith('.');
    }

    /// <summary>
    /// Every file of <paramref name="folder"/> (and, with <paramref name="recursive"/>, of its sub-folders) that the
    /// rule keeps: dot-files, executed copies and the skipped folders are left out; other files (data, README.md)
    /// are kept, for tools that copy a course folder.
    /// </summary>
    public static IEnumerable<string> Walk(string folder, bool recursive = true)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(file);
            if (!name.StartsWith('.') && !name.EndsWith(ExecutedSuffix, StringComparison.OrdinalIgnoreCase))
                yield return file;
        }
        if (!recursive) yield break;
        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(sub);
            if (name.StartsWith('.') || BuildFolders.Contains(name)) continue;
            foreach (var file in Walk(sub, recursive))
                yield return file;
        }
    }
}
