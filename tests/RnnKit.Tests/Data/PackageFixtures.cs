using System.Text.Json;
using RnnKit.Data;
using RnnKit.TestSupport;

namespace RnnKit.Tests.Data;

/// <summary>
/// The small packages of Fixtures/packages (made by its make.sh): tiny-xz.deb, tiny-zst.deb, tiny-gz.deb and
/// tiny-npm.tgz, each with a poem, a link to it and a folder of two stroke files; and datasets folders whose
/// manifests take members out of them.
/// </summary>
internal static class PackageFixtures
{
    /// <summary>The poem's bytes and SHA-256, the same in every fixture package.</summary>
    public const string PoemSha256 = "827718d2dc88b87e5ca1d2eff90cfd140d9b6339723cf05dbdb295e29791cb81";
    public const long PoemSize = 124;

    /// <summary>The strokes folder's digest (Hashing.Sha256OfFolder, as computed with find | sort | sha256sum).</summary>
    public const string StrokesDigest = "f1c92a4f7cc80312ef4be02745ab5a95de245dbc468eb1259023667362404b78";
    public const long StrokesSize = 109;

    public static string PathOf(string file) => Repo.PathOf("tests", "RnnKit.Tests", "Data", "Fixtures", "packages", file);

    public static byte[] Bytes(string file) => File.ReadAllBytes(PathOf(file));

    /// <summary>A manifest (as JSON-ready values) taking <paramref name="member"/> out of <paramref name="archive"/>.</summary>
    public static Dictionary<string, object?> Manifest(string name, string file, string sha256, long size, Dictionary<string, object?> archive) => new()
    {
        ["name"] = name,
        ["description"] = "a test dataset",
        ["licence"] = "test",
        ["source"] = "fixture package",
        ["file"] = file,
        ["sha256"] = sha256,
        ["size"] = size,
        ["format"] = "text",
        ["archive"] = archive,
        ["how_to_get"] = "run the test server",
    };

    /// <summary>The "archive" field for a fixture .deb served under a Debian mirror.</summary>
    public static Dictionary<string, object?> Deb(string fixture, string member, byte[]? body = null) => new()
    {
        ["debian"] = $"pool/main/t/tiny/{fixture}",
        ["sha256"] = Hashing.Sha256Of(body ?? Bytes(fixture)),
        ["size"] = (body ?? Bytes(fixture)).Length,
        ["member"] = member,
    };

    /// <summary>A datasets folder holding <paramref name="manifests"/>, and a hub over it with an empty cache.</summary>
    public static DatasetHub Hub(string mirror, params Dictionary<string, object?>[] manifests)
    {
        var folder = Repo.TempFolder("rnnkit-datasets");
        foreach (var m in manifests)
            File.WriteAllText(Path.Combine(folder, m["name"] + DatasetManifest.FileSuffix), JsonSerializer.Serialize(m));
        return new DatasetHub(new DatasetHubOptions
        {
            DatasetsFolder = folder,
            CacheFolder = Path.Combine(folder, "cache"),
            DebianMirror = mirror,
            NpmRegistry = mirror,
        });
    }

    /// <summary>Everything in the hub's cache folder, hidden temporary files included.</summary>
    public static string[] CacheEntries(DatasetHub hub) =>
        Directory.Exists(hub.Options.Cache) ? Directory.GetFileSystemEntries(hub.Options.Cache) : [];
}
