using System.Text;
using System.Text.Json;
using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

public class DatasetHubTests
{
    private static readonly byte[] Poems = Encoding.UTF8.GetBytes("\u001b[32m《小园》\u001b[m\n\u001b[33m作者：无名氏\u001b[m\n小园春草绿。\n%\n");

    /// <summary>A datasets folder with one manifest for <paramref name="body"/> served from <paramref name="url"/>.</summary>
    private static DatasetHub Hub(string? url, byte[] body, string[]? systemPaths = null, string? sha256 = null)
    {
        var folder = Repo.TempFolder("rnnkit-datasets");
        var manifest = new Dictionary<string, object?>
        {
            ["name"] = "tiny",
            ["description"] = "a test poem",
            ["licence"] = "test",
            ["source"] = "loopback test server",
            ["file"] = "tiny.txt",
            ["sha256"] = sha256 ?? Hashing.Sha256Of(body),
            ["size"] = body.Length,
            ["format"] = "fortune",
            ["system_paths"] = systemPaths ?? [],
            ["url"] = url,
            ["how_to_get"] = "sudo apt-get install tiny-poems",
        };
        File.WriteAllText(Path.Combine(folder, "tiny" + DatasetManifest.FileSuffix), JsonSerializer.Serialize(manifest));
        return new DatasetHub(new DatasetHubOptions { DatasetsFolder = folder, CacheFolder = Path.Combine(folder, "cache") });
    }

    private static string[] CacheFiles(DatasetHub hub) =>
        Directory.Exists(hub.Options.Cache) ? Directory.GetFiles(hub.Options.Cache) : [];

    [Fact]
    public void A_good_download_lands_in_the_cache_verified_with_a_progress_bar()
    {
        using var server = new LoopbackServer(Poems);
        var hub = Hub(server.Url("tiny.txt"), Poems);
        var progress = new StringWriter();
        var path = hub.Resolve("tiny", progress);
        Assert.Equal(Path.Combine(hub.Options.Cache, "tiny.txt"), path);
        Assert.Equal(Poems, File.ReadAllBytes(path));
        Assert.Single(CacheFiles(hub));
        Assert.Contains("100%", progress.ToString());
        Assert.Equal(DatasetLocation.Cache, hub.Status("tiny").Location);
        Assert.Equal("小园", Corpora.Poems("tiny", hub)[0].Title);
        hub.Resolve("tiny"); // now found in the cache: no second request
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public void A_wrong_hash_is_refused_and_nothing_is_kept()
    {
        using var server = new LoopbackServer(Poems);
        var hub = Hub(server.Url("tiny.txt"), Poems, sha256: new string('0', 64));
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("tiny"));
        Assert.Contains("SHA-256", e.Message);
        Assert.Contains(Hashing.Sha256Of(Poems), e.Message);
        Assert.Contains("not kept", e.Message);
        Assert.Contains("apt-get install tiny-poems", e.Message);
        Assert.Empty(CacheFiles(hub));
    }

    [Fact]
    public void A_truncated_transfer_is_refused_and_nothing_is_kept()
    {
        using var server = new LoopbackServer(Poems[..10], contentLength: Poems.Length);
        var hub = Hub(server.Url("tiny.txt"), Poems);
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("tiny"));
        Assert.Contains("cut off", e.Message);
        Assert.Contains($"of {Poems.Length} bytes", e.Message);
        Assert.Empty(CacheFiles(hub));
    }

    [Fact]
    public void A_server_that_is_down_is_named_and_nothing_is_kept()
    {
        var url = LoopbackServer.DeadUrl("tiny.txt");
        var hub = Hub(url, Poems);
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("tiny"));
        Assert.Contains("could not reach", e.Message);
        Assert.Contains(url, e.Message);
        Assert.Empty(CacheFiles(hub));
    }

    [Fact]
    public void An_http_error_is_named()
    {
        using var server = new LoopbackServer([], status: 404);
        var hub = Hub(server.Url("tiny.txt"), Poems);
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("tiny"));
        Assert.Contains("HTTP 404", e.Message);
        Assert.Empty(CacheFiles(hub));
    }

    [Fact]
    public void A_missing_dataset_without_url_says_how_to_get_it()
    {
        var hub = Hub(null, Poems, systemPaths: ["/nonexistent/rnnkit/tiny"]);
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("tiny"));
        Assert.Contains("not on this machine", e.Message);
        Assert.Contains("/nonexistent/rnnkit/tiny", e.Message);
        Assert.Contains("apt-get install tiny-poems", e.Message);
    }

    [Fact]
    public void Resolution_order_is_folder_then_cache_then_system()
    {
        var system = Path.Combine(Repo.TempFolder(), "tiny-system.txt");
        File.WriteAllBytes(system, Poems);
        var hub = Hub(null, Poems, systemPaths: [system]);
        Assert.Equal((DatasetLocation.System, system), (hub.Status("tiny").Location, hub.Resolve("tiny")));
        Directory.CreateDirectory(hub.Options.Cache);
        File.WriteAllBytes(Path.Combine(hub.Options.Cache, "tiny.txt"), Poems);
        Assert.Equal(DatasetLocation.Cache, hub.Status("tiny").Location);
        File.WriteAllBytes(Path.Combine(hub.Options.DatasetsFolder, "tiny.txt"), Poems);
        Assert.Equal(DatasetLocation.Folder, hub.Status("tiny").Location);
    }

    [Fact]
    public void A_local_file_with_a_bad_hash_is_an_error_not_a_silent_fallback()
    {
        var hub = Hub(null, Poems);
        var local = Path.Combine(hub.Options.DatasetsFolder, "tiny.txt");
        var corrupt = (byte[])Poems.Clone();
        corrupt[^2] ^= 1;
        File.WriteAllBytes(local, corrupt);
        var status = hub.Status("tiny");
        Assert.False(status.Available);
        var e = Assert.Throws<DatasetException>(() => hub.Resolve("tiny"));
        Assert.Contains(local, e.Message);
        Assert.Contains("SHA-256", e.Message);
        Assert.Equal(corrupt, File.ReadAllBytes(local)); // reported, not deleted
    }

    [Fact]
    public void Unknown_names_and_bad_manifests_are_named()
    {
        var hub = Hub(null, Poems);
        var unknown = Assert.Throws<DatasetException>(() => hub.Resolve("nope"));
        Assert.Contains("unknown dataset 'nope'", unknown.Message);
        Assert.Contains("tiny", unknown.Message);
        var bad = Path.Combine(hub.Options.DatasetsFolder, "bad" + DatasetManifest.FileSuffix);
        File.WriteAllText(bad, """{"name": "bad", "description": "", "licence": "", "source": "", "file": "../x", "sha256": "00", "size": 1, "how_to_get": ""}""");
        var e = Assert.Throws<DatasetException>(() => hub.Manifests());
        Assert.Contains(bad, e.Message);
        Assert.Contains("'file'", e.Message);
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused()
    {
        var e = Assert.Throws<DatasetException>(() => Downloader.RequireSecure("http://example.org/x", "test"));
        Assert.Contains("https", e.Message);
    }

    [Fact]
    public void The_kit_manifests_load_and_the_installed_poems_verify()
    {
        var hub = DatasetHub.ForKit();
        Assert.Contains(hub.Manifests(), m => m.Name == "tang300");
        Interop.Require(File.Exists("/usr/share/games/fortunes/tang300"), "fortunes-zh");
        Assert.True(hub.Status("tang300").Available, hub.Status("tang300").Problem);
        Assert.InRange(Corpora.TangPoems(hub).Count, 290, 330);
        Assert.InRange(Corpora.SongPoems(hub).Count, 90, 110);
    }
}
