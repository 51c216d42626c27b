namespace RnnKit.Data;

/// <summary>
/// One line of <c>rnnkit datasets list</c>: a downloadable or packaged dataset, a generated task file, or the
/// kit's own code corpus.
/// </summary>
/// <param name="Name">What to ask for, e.g. "tang300", "dates".</param>
/// <param name="Source">Where it comes from: the manifest's source, "generated" or "repository".</param>
/// <param name="Available">Present on this machine and verified.</param>
/// <param name="Where">The file used (null when missing).</param>
/// <param name="Location">folder, cache, system, generated, repository or missing.</param>
/// <param name="Size">Size in bytes (expected size when missing).</param>
/// <param name="Sha256">Expected SHA-256, when one is known.</param>
/// <param name="Description">One sentence.</param>
/// <param name="Licence">Licence of the data.</param>
/// <param name="Problem">Why a file that was found cannot be used, or how to get a missing one.</param>
public sealed record CatalogueEntry(string Name, string Source, bool Available, string? Where, string Location, long? Size,
    string? Sha256, string Description, string Licence, string? Problem);

/// <summary>Everything the kit can give a lesson, with its state on this machine.</summary>
public static class Catalogue
{
    /// <summary>The licence of what this kit writes itself (generated tasks, its own sources).</summary>
    public const string KitLicence = "same as RnnKit";

    /// <summary>Manifests first (by name), then generated task files, then the code corpus.</summary>
    public static IReadOnlyList<CatalogueEntry> Entries(DatasetHub hub)
    {
        var entries = new List<CatalogueEntry>();
        foreach (var manifest in hub.Manifests())
        {
            var s = hub.Status(manifest);
            var problem = s.Problem ?? (s.Location == DatasetLocation.Missing
                ? manifest.CanDownload ? $"not downloaded yet: {hub.Options.Host.KitCommand} datasets fetch {manifest.Name}" : $"to get it: {manifest.HowToGet}"
                : null);
            entries.Add(new CatalogueEntry(manifest.Name, manifest.Source, s.Available, s.Path,
                s.Location.ToString().ToLowerInvariant(), manifest.Size, manifest.Sha256, manifest.Description, manifest.Licence, problem));
        }
        var generated = Tasks.GeneratedManifest.TryLoad(hub.Options.GeneratedFolder);
        foreach (var file in generated?.Files ?? [])
        {
            var path = Path.Combine(hub.Options.GeneratedFolder, file.File);
            var present = File.Exists(path);
            var intact = present && Hashing.Sha256OfFile(path) == file.Sha256;
            entries.Add(new CatalogueEntry(file.Task, "generated", intact, present ? path : null, present ? "generated" : "missing",
                file.Size, file.Sha256, file.Description, KitLicence,
                intact ? null : present ? $"{path} differs from {Tasks.GeneratedManifest.FileName}; run {hub.Options.Host.KitCommand} datasets generate --force"
                    : $"run {hub.Options.Host.KitCommand} datasets generate"));
        }
        var root = Path.GetDirectoryName(Path.GetFullPath(hub.Options.DatasetsFolder))!;
        var lib = Path.Combine(root, "lib");
        entries.Add(new CatalogueEntry("kit-sources", "repository", Directory.Exists(lib), Directory.Exists(lib) ? lib : null,
            Directory.Exists(lib) ? "repository" : "missing", null, null,
            "The kit's own C# sources (lib/**/*.cs) as one text: a code corpus for a character model (Corpora.KitSources).",
            KitLicence, Directory.Exists(lib) ? null : $"no lib/ folder next to {hub.Options.DatasetsFolder}"));
        return entries;
    }
}
