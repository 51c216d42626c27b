using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// The files of `rnnkit student`: every notebook given (or found in a folder given) becomes its student version,
/// every other file of a folder is copied, at the same relative path (<see cref="NotebookFiles.Walk"/> says which
/// files are the course's). Everything is read and checked before
/// anything is written, so bad markup in one lesson leaves the output untouched.
/// </summary>
public sealed class StudentCopy
{
    private readonly List<(string Target, Notebook Student, int Exercises, int Points)> _notebooks = [];
    private readonly List<(string Source, string Target)> _files = [];

    /// <summary>Reads and converts every input.</summary>
    /// <param name="inputs">Notebooks and folders.</param>
    /// <exception cref="NotebookInputException">An input does not exist or is not a notebook, a notebook cannot be
    /// read (<see cref="NotebookFormatException"/>) or its exercise markup is wrong (<see cref="ExerciseMarkupException"/>).</exception>
    public static StudentCopy Plan(IEnumerable<string> inputs)
    {
        var copy = new StudentCopy();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input);
                foreach (var file in NotebookFiles.Walk(root))
                {
                    var relative = Path.GetRelativePath(root, file);
                    if (NotebookFiles.IsNotebook(file)) copy.AddNotebook(file, relative);
                    else copy._files.Add((file, relative));
                }
            }
            else
                foreach (var notebook in NotebookFiles.Find([input]))
                    copy.AddNotebook(notebook.Path, notebook.Name);
        }
        var clash = copy.Targets.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new NotebookInputException($"two inputs would both be written to {clash.Key}; give them from different folders one at a time");
        return copy;
    }

    /// <summary>Relative output paths, notebooks first.</summary>
    public IEnumerable<string> Targets => _notebooks.Select(n => n.Target).Concat(_files.Select(f => f.Target));

    /// <summary>Writes everything under <paramref name="outFolder"/>; returns one summary line per notebook.</summary>
    public IReadOnlyList<string> Write(string outFolder)
    {
        var lines = new List<string>();
        foreach (var (target, student, exercises, points) in _notebooks)
        {
            student.Save(Path.Combine(outFolder, target));
            lines.Add($"{target}: {exercises} exercise{(exercises == 1 ? "" : "s")}, {points} point{(points == 1 ? "" : "s")}");
        }
        foreach (var (source, target) in _files)
        {
            var path = Path.Combine(outFolder, target);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(source, path, overwrite: true);
        }
        return lines;
    }

    /// <summary>True when writing into <paramref name="folder"/> could overwrite an input: it is an input's folder, lies
    /// inside one or contains one (<see cref="NotebookFiles.Overlap"/>).</summary>
    public static bool IsInside(string folder, IEnumerable<string> inputs) => inputs.Any(i => NotebookFiles.Overlap(folder, i));

    private void AddNotebook(string path, string target)
    {
        var teacher = Notebook.Load(path);
        Editions.LanguageOf(path, teacher); // a twin's name and metadata agree (the student copy keeps both)
        var exercises = ExerciseParser.Parse(teacher);
        _notebooks.Add((target, StudentVersion.Create(teacher), exercises.Count, exercises.Sum(e => e.Points)));
    }
}
