using System.Text.Json;
using RnnKit.Data;
using RnnKit.Data.Tasks;

namespace RnnKit.Cli.Verbs;

/// <summary>`rnnkit datasets list|fetch|generate`: what data the kit has, getting it, and writing the generated tasks.</summary>
public sealed class DatasetsVerb : IVerb
{
    public string Name => "datasets";

    public string Summary => "list, fetch, generate or hash the course's datasets";

    public string Usage => """
        usage: rnnkit datasets list [--json]
               rnnkit datasets fetch NAME
               rnnkit datasets generate [--out DIR] [--force]
               rnnkit datasets hash PATH
          list       every dataset: name, source, available, where, size (--json: a JSON list of {name, source, available, ...})
          fetch      make NAME available: a file already here is verified; otherwise it is downloaded into the
                     per-user cache, or extracted there from the package its manifest names (SHA-256s checked,
                     progress on stderr); prints where the file is
          hash       the "sha256" and "size" a manifest needs for the file or folder PATH
          generate   write every generated task (seeded, byte-reproducible) plus MANIFEST.json of SHA-256s
                     into DIR (default datasets/generated/); a non-empty DIR needs --force
          --datasets DIR   use DIR instead of the kit's datasets/ folder (manifests, generated/, cache/)
          --cache DIR      keep downloads in DIR instead of the per-user cache (also: RNNKIT_CACHE)
          Environment: RNNKIT_NO_SYSTEM_DATA=1 ignores installed system packages; RNNKIT_DEBIAN_MIRROR and
          RNNKIT_NPM_REGISTRY name another Debian mirror or npm registry (docs/datasets.md).
        """;

    public Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new ArgReader(args, ["--out", "--datasets", "--cache"], ["--json", "--force"]);
        if (a.Positionals.Count == 0)
            throw new UsageException("say what to do: list, fetch NAME, generate or hash PATH");
        var action = a.Positionals[0];
        var expectedPositionals = action is "fetch" or "hash" ? 2 : 1;
        if (a.Positionals.Count != expectedPositionals)
            throw new UsageException(action is "fetch" or "hash" && a.Positionals.Count == 1
                ? action == "fetch" ? "fetch needs the NAME of a dataset (see rnnkit datasets list)" : "hash needs the PATH of a file or folder"
                : $"unexpected argument '{a.Positionals[^1]}'");
        try
        {
            var hub = new DatasetHub(Options(a));
            return Task.FromResult(action switch
            {
                "list" => List(hub, a.Has("--json"), stdout),
                "fetch" => Fetch(hub, a.Positionals[1], stdout, stderr),
                "generate" => Generate(hub, a.Get("--out"), a.Has("--force"), stdout),
                "hash" => Hash(a.Positionals[1], stdout),
                _ => throw new UsageException($"unknown action '{action}'; use list, fetch, generate or hash"),
            });
        }
        catch (DatasetException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static DatasetHubOptions Options(ArgReader a)
    {
        var options = a.Get("--datasets") is { } folder
            ? DatasetHubOptions.FromEnvironment(Path.GetFullPath(folder), RnnKit.Platform.HostSystem.Current)
            : DatasetHubOptions.ForKit();
        return a.Get("--cache") is { } cache ? options with { CacheFolder = Path.GetFullPath(cache) } : options;
    }

    private static int List(DatasetHub hub, bool json, TextWriter stdout)
    {
        var entries = Catalogue.Entries(hub);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(entries, CatalogueJson.Options));
            return ExitCodes.Ok;
        }
        var width = entries.Max(e => e.Name.Length);
        foreach (var e in entries)
        {
            var size = e.Size is { } bytes ? $"{bytes,9} B" : new string(' ', 11);
            var state = e.Available ? "yes" : "NO ";
            stdout.WriteLine($"{e.Name.PadRight(width)}  {state}  {size}  {e.Source}  {e.Where ?? "-"}");
            if (e.Problem is not null)
                stdout.WriteLine($"{new string(' ', width)}       {e.Problem}");
        }
        return ExitCodes.Ok;
    }

    private static int Fetch(DatasetHub hub, string name, TextWriter stdout, TextWriter stderr)
    {
        var path = hub.Resolve(name, stderr);
        stdout.WriteLine(path);
        return ExitCodes.Ok;
    }

    private static int Generate(DatasetHub hub, string? outFolder, bool force, TextWriter stdout)
    {
        var folder = OutputFolder.Prepare(outFolder ?? hub.Options.GeneratedFolder, force);
        var manifest = TaskWriter.WriteAll(folder);
        foreach (var f in manifest.Files)
            stdout.WriteLine($"{f.File,-28} {f.Examples,6} examples  {f.Size,9} B  {f.Sha256}");
        stdout.WriteLine($"wrote {manifest.Files.Count} files and {GeneratedManifest.FileName} to {folder}");
        return ExitCodes.Ok;
    }

    private static int Hash(string path, TextWriter stdout)
    {
        if (Directory.Exists(path))
        {
            var (sha, size, files) = Hashing.Sha256OfFolder(path);
            stdout.WriteLine($"\"sha256\": \"{sha}\", \"size\": {size}   (folder digest of {files} files)");
        }
        else if (File.Exists(path))
            stdout.WriteLine($"\"sha256\": \"{Hashing.Sha256OfFile(path)}\", \"size\": {new FileInfo(path).Length}");
        else
            throw new CliException($"{Path.GetFullPath(path)} does not exist");
        return ExitCodes.Ok;
    }

    /// <summary>snake_case keys, as every JSON contract of the kit.</summary>
    private static class CatalogueJson
    {
        public static readonly JsonSerializerOptions Options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
