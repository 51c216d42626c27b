using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

public class DatasetHubArchiveTests
{
    private static Dictionary<string, object?> Poem(string fixture = "tiny-xz.deb", string? sha256 = null, byte[]? served = null) =>
        PackageFixtures.Manifest("poem", "poem", sha256 ?? PackageFixtures.PoemSha256, PackageFixtures.PoemSize,
            PackageFixtures.Deb(fixture, "usr/share/tiny/poem", served));

    private static Dictionary<string, object?> Strokes(string fixture = "tiny-xz.deb") =>
        PackageFixtures.Manifest("strokes", "strokes", PackageFixtures.StrokesDigest, PackageFixtures.StrokesSize,
            PackageFixtures.Deb(fixture, "usr/share/tiny/strokes/"));

    [Fact]
    public void A_member_is_extracted_into_the_cache_verified_with_its_siblings_in_one_download()
    {
        var body = PackageFixtures.Bytes("tiny-xz.deb");
        using var server = new LoopbackServer(body);
        var hub = PackageFixtures.Hub(server.Url("debian"), Poem(), Strokes());
        var progress = new StringWriter();

        var poem = hub.Resolve("poem", progress);

        Assert.Equal(Path.Combine(hub.Options.Cache, "poem"), poem);
        Assert.Equal(PackageFixtures.PoemSha256, Hashing.Sha256OfFile(poem));
        Assert.Equal(["/debian/pool/main/t/tiny/tiny-xz.deb"], server.Paths);
        Assert.Contains("100%", progress.ToString());
        Assert.Contains("poem: usr/share/tiny/poem from Debian tiny-xz.deb, verified", progress.ToString());
        Assert.Equal(DatasetLocation.Cache, hub.Status("strokes").Location); // the sibling came out of the same package
        Assert.True(hub.Status("strokes").Available);
        hub.Resolve("strokes");
        Assert.Equal(1, server.Requests);
        Assert.Equal(["poem", "strokes"], PackageFixtures.CacheEntries(hub).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_scoped_npm_package_is_fetched_from_the_registry_path_npm_uses()
    {
        using var server = new LoopbackServer(PackageFixtures.Bytes("tiny-npm.tgz"));
        var archive = new Dictionary<string, object?>
        {
            ["npm"] = "@tiny/strokes", ["version"] = "1.0.0", ["member"] = "package/data/",
            ["sha256"] = Hashing.Sha256Of(PackageFixtures.Bytes("tiny-npm.tgz")), ["size"] = PackageFixtures.Bytes("tiny-npm.tgz").Length,
        };
        var hub = PackageFixtures.Hub(server.Url("npm/"),
            PackageFixtures.Manifest("strokes", "strokes", PackageFixtures.StrokesDigest, PackageFixtures.StrokesSize, archive));
        var folder = hub.Resolve("strokes");
        Assert.Equal(["/npm/@tiny/strokes/-/strokes-1.0.0.tgz"], server.Paths);
        Assert.Equal(2, Hashing.Sha256OfFolder(folder).Files);
    }

    [Fact]
    public void A_corrupt_package_is_refused_by_its_hash_and_nothing_is_left_in_the_cache()
    {
        var corrupt = PackageFixtures.Bytes("tiny-xz.deb");
        corrupt[^50] ^= 1;
        using var server = new LoopbackServer(corrupt);
        var hub = PackageFixtures.Hub(server.Url("debian"), Poem(), Strokes());
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("poem"));
        Assert.Contains("tiny-xz.deb", e.Message);
        Assert.Contains("SHA-256", e.Message);
        Assert.Contains("not kept", e.Message);
        Assert.Empty(PackageFixtures.CacheEntries(hub));
    }

    [Fact]
    public void A_truncated_package_is_refused_and_nothing_is_left_in_the_cache()
    {
        var body = PackageFixtures.Bytes("tiny-xz.deb");
        using var server = new LoopbackServer(body[..300], contentLength: body.Length);
        var hub = PackageFixtures.Hub(server.Url("debian"), Poem());
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("poem"));
        Assert.Contains("cut off", e.Message);
        Assert.Empty(PackageFixtures.CacheEntries(hub));
    }

    [Fact]
    public void A_damaged_package_that_matches_its_pin_is_refused_when_unpacked_and_nothing_is_left()
    {
        var bytes = PackageFixtures.Bytes("tiny-xz.deb");
        var damaged = bytes[..(bytes.Length - 100)];
        using var server = new LoopbackServer(damaged);
        var hub = PackageFixtures.Hub(server.Url("debian"), Poem(served: damaged));
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("poem"));
        Assert.Contains("tiny-xz.deb is truncated", e.Message);
        Assert.Empty(PackageFixtures.CacheEntries(hub));
    }

    [Fact]
    public void A_member_that_differs_from_its_manifest_is_refused_and_nothing_is_left()
    {
        using var server = new LoopbackServer(PackageFixtures.Bytes("tiny-zst.deb"));
        var hub = PackageFixtures.Hub(server.Url("debian"), Poem("tiny-zst.deb", sha256: new string('a', 64)), Strokes("tiny-zst.deb"));
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("poem"));
        Assert.Contains("the member 'usr/share/tiny/poem' of tiny-zst.deb has SHA-256 " + PackageFixtures.PoemSha256, e.Message);
        Assert.Contains("nothing was kept", e.Message);
        Assert.Empty(PackageFixtures.CacheEntries(hub));
    }

    [Fact]
    public void With_system_paths_off_an_installed_copy_is_not_used()
    {
        using var server = new LoopbackServer(PackageFixtures.Bytes("tiny-gz.deb"));
        var installed = Path.Combine(TestSupport.Repo.TempFolder(), "poem");
        File.WriteAllBytes(installed, File.ReadAllBytes(Path.Combine(Extracted(), "poem")));
        var manifest = Poem("tiny-gz.deb");
        manifest["system_paths"] = new[] { installed };
        var hub = PackageFixtures.Hub(server.Url("debian"), manifest);
        Assert.Equal(installed, hub.Resolve("poem"));
        var hidden = new DatasetHub(hub.Options with { UseSystemPaths = false });
        Assert.Equal(DatasetLocation.Missing, hidden.Status("poem").Location);
        Assert.Equal(Path.Combine(hub.Options.Cache, "poem"), hidden.Resolve("poem"));
        Assert.Equal(File.ReadAllBytes(installed), File.ReadAllBytes(Path.Combine(hub.Options.Cache, "poem")));
    }

    [Fact]
    public void A_folder_in_the_cache_with_a_changed_file_is_reported()
    {
        using var server = new LoopbackServer(PackageFixtures.Bytes("tiny-xz.deb"));
        var hub = PackageFixtures.Hub(server.Url("debian"), Strokes());
        var folder = hub.Resolve("strokes");
        File.AppendAllText(Path.Combine(folder, "一.json"), " ");
        var status = hub.Status("strokes");
        Assert.False(status.Available);
        Assert.Contains("a file is missing, changed or extra", status.Problem);
    }

    /// <summary>The fixture's poem, taken out once with the extractor itself.</summary>
    private static string Extracted()
    {
        var folder = TestSupport.Repo.TempFolder();
        PackageArchive.Extract(PackageFixtures.PathOf("tiny-gz.deb"), ArchiveKind.Deb, [new("usr/share/tiny/poem", Path.Combine(folder, "poem"))]);
        return folder;
    }
}
