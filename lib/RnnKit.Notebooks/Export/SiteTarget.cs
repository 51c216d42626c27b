using System.Text.Json;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// Where a site is written without ever losing a file: the site is written into a fresh hidden sibling of the
/// target (<see cref="Staging"/>) and put in place only by <see cref="Commit"/>, so a failed or interrupted build
/// leaves the previous site as it was. A previous site is replaced whole only when every file in it is one the kit
/// wrote (the marker lists them); a folder holding anything else is written into only with <c>force</c>, and then
/// only the kit's own files are replaced or removed. A target equal to, inside or containing a source folder is
/// refused.
/// </summary>
public sealed class SiteTarget : IDisposable
{
    private enum Mode { Create, Replace, Merge }

    private readonly Mode _mode;
    private bool _committed;

    private SiteTarget(string folder, Mode mode)
    {
        Folder = folder;
        _mode = mode;
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        Staging = Path.Combine(parent, $".{Path.GetFileName(folder)}.rnnkit-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Staging);
    }

    /// <summary>The site folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The empty folder to write the new site into.</summary>
    public string Staging { get; }

    /// <param name="target">The site folder asked for.</param>
    /// <param name="force">Write into a folder that holds files the kit did not write (keeping them).</param>
    /// <param name="sources">Folders the site is made from (the lessons, the executed copies); the target may not overlap them.</param>
    /// <exception cref="NotebookInputException">The target is a file, overlaps a source, or holds other files and
    /// <paramref name="force"/> is false.</exception>
    public static SiteTarget Open(string target, bool force, IEnumerable<string> sources)
    {
        var folder = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(folder))
            throw new NotebookInputException($"--out {target}: is a file, not a folder");
        if (sources.FirstOrDefault(s => NotebookFiles.Overlap(folder, s)) is { } source)
            throw new NotebookInputException($"--out {target}: overlaps {source}, which the site is made from; write the site somewhere else");
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
            return new SiteTarget(folder, Mode.Create);
        if (KitFiles(folder) is { } ours && AllFiles(folder).All(ours.Contains))
            return new SiteTarget(folder, Mode.Replace);
        if (!force)
            throw new NotebookInputException(
                $"--out {target}: folder holds files the kit did not write; pass --force to write the site into it (they are kept)");
        return new SiteTarget(folder, Mode.Merge);
    }

    /// <summary>Puts the staged site in place (see the class summary) and lists its files in the marker.</summary>
    public void Commit()
    {
        var files = AllFiles(Staging).ToList();
        WriteManifest(Staging, files);
        switch (_mode)
        {
            case Mode.Create:
                if (Directory.Exists(Folder)) Directory.Delete(Folder);
                Directory.Move(Staging, Folder);
                break;
            case Mode.Replace:
                var old = Staging + ".old";
                Directory.Move(Folder, old);
                Directory.Move(Staging, Folder);
                Directory.Delete(old, recursive: true);
                break;
            case Mode.Merge:
                var previous = KitFiles(Folder) ?? [];
                foreach (var stale in previous.Except(files, StringComparer.Ordinal))
                    File.Delete(Path.Combine(Folder, stale));
                foreach (var file in files)
                {
                    var to = Path.Combine(Folder, file);
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    File.Copy(Path.Combine(Staging, file), to, overwrite: true);
                }
                Directory.Delete(Staging, recursive: true);
                break;
        }
        _committed = true;
    }

    /// <summary>Removes the staged site when it was not committed (a failed or interrupted build).</summary>
    public void Dispose()
    {
        if (_committed || !Directory.Exists(Staging)) return;
        try
        {
            Directory.Delete(Staging, recursive: true);
        }
        catch (IOException)
        {
            // Left as a hidden sibling; the next build uses a new name and never touches it.
        }
    }

    /// <summary>The files the kit wrote into a site folder, from its marker; null when there is no marker listing them.</summary>
    private static HashSet<string>? KitFiles(string folder)
    {
        var marker = Path.Combine(folder, SiteExporter.MarkerFile);
        if (!File.Exists(marker)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(marker))?["files"] is JsonArray list
                ? list.Select(f => f?.GetValue<string>()).OfType<string>().Append(SiteExporter.MarkerFile).ToHashSet(StringComparer.Ordinal)
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static IEnumerable<string> AllFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    private static void WriteManifest(string folder, IReadOnlyList<string> files)
    {
        var path = Path.Combine(folder, SiteExporter.MarkerFile);
        var marker = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? new JsonObject() : new JsonObject();
        marker["files"] = new JsonArray(files.Where(f => f != SiteExporter.MarkerFile).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        File.WriteAllText(path, marker.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
