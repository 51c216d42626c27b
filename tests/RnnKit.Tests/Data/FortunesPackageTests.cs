using System.Diagnostics;
using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

/// <summary>
/// The real fortunes-zh_2.98_all.deb (which .ci/run gets with <c>apt-get download fortunes-zh</c> into
/// build/packages/), served from a loopback server as Debian's archive would serve it, through the kit's own
/// manifests with the installed copies hidden: what a student on Windows or macOS gets.
/// </summary>
public class FortunesPackageTests(ITestOutputHelper output)
{
    private static readonly string Deb = Repo.PathOf("build", "packages", "fortunes-zh_2.98_all.deb");
    private const string Installed = "/usr/share/games/fortunes";

    private static DatasetHub HubServedBy(LoopbackServer server) => new(new DatasetHubOptions
    {
        DatasetsFolder = Repo.PathOf("datasets"),
        CacheFolder = Repo.TempFolder("rnnkit-cache"),
        UseSystemPaths = false,
        DebianMirror = server.Url("debian"),
    });

    private static byte[] RealDeb()
    {
        Interop.Require(File.Exists(Deb), $"{Deb} (.ci/run gets it with apt-get download fortunes-zh)");
        return File.ReadAllBytes(Deb);
    }

    [Fact]
    public void The_poems_taken_from_the_served_deb_are_byte_identical_to_the_installed_files()
    {
        var deb = RealDeb();
        Interop.Require(File.Exists(Path.Combine(Installed, "tang300")), "fortunes-zh");
        using var server = new LoopbackServer(deb);
        var hub = HubServedBy(server);
        var progress = new StringWriter();
        var clock = Stopwatch.StartNew();
        var tang = hub.Resolve("tang300", progress);
        output.WriteLine($"download {deb.Length} B and extraction: {clock.ElapsedMilliseconds} ms\n{progress}");
        var song = hub.Resolve("song100");
        Assert.Equal(File.ReadAllBytes(Path.Combine(Installed, "tang300")), File.ReadAllBytes(tang));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Installed, "song100")), File.ReadAllBytes(song));
        Assert.Equal(["/debian/pool/main/f/fortune-zh/fortunes-zh_2.98_all.deb"], server.Paths);
        Assert.Contains("100%", progress.ToString());
        Assert.Equal(313, Corpora.TangPoems(hub).Count);
    }

    [Fact]
    public void A_corrupt_or_truncated_deb_is_refused_by_name_and_leaves_the_cache_empty()
    {
        var deb = RealDeb();
        var corrupt = (byte[])deb.Clone();
        corrupt[deb.Length / 2] ^= 0x20;
        using (var server = new LoopbackServer(corrupt))
        {
            var hub = HubServedBy(server);
            var e = Assert.Throws<DatasetException>(() => hub.Resolve("tang300"));
            Assert.Contains("fortunes-zh_2.98_all.deb has SHA-256", e.Message);
            Assert.Empty(Directory.GetFileSystemEntries(hub.Options.Cache));
        }
        using (var server = new LoopbackServer(deb[..(deb.Length / 3)], contentLength: deb.Length))
        {
            var hub = HubServedBy(server);
            var e = Assert.Throws<DatasetException>(() => hub.Resolve("song100"));
            Assert.Contains("was cut off", e.Message);
            Assert.Empty(Directory.GetFileSystemEntries(hub.Options.Cache));
        }
    }
}
