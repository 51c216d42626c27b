using System.Text.Json;
using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

public class ArchiveSourceTests
{
    private static readonly DatasetHubOptions Defaults = new() { DatasetsFolder = "datasets" };

    [Fact]
    public void The_kit_manifests_take_the_poems_from_the_pinned_fortunes_zh_deb_on_Debians_archive()
    {
        foreach (var name in new[] { "tang300", "song100" })
        {
            var archive = DatasetHub.ForKit().Manifest(name).Archive!;
            Assert.Equal("https://deb.debian.org/debian/pool/main/f/fortune-zh/fortunes-zh_2.98_all.deb", archive.Url(Defaults));
            Assert.Equal("211c5ddee59d0ae74ce01cbfd02f7c8714740bae1835d5661eb2254edd739105", archive.Sha256);
            Assert.Equal($"usr/share/games/fortunes/{name}", archive.Member);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/pool/main/t/tiny/tiny_1.0_all.deb")]
    [InlineData("http://127.0.0.1:8080/debian", "http://127.0.0.1:8080/debian/pool/main/t/tiny/tiny_1.0_all.deb")]
    public void A_mirror_setting_moves_the_download(string mirror, string url)
    {
        var archive = new ArchiveSource { Debian = "pool/main/t/tiny/tiny_1.0_all.deb", Sha256 = new string('0', 64), Size = 1, Member = "x" };
        Assert.Equal(url, archive.Url(Defaults with { DebianMirror = mirror }));
    }

    [Theory]
    [InlineData("""{"debian": "pool/x.deb", "npm": "a", "version": "1.0.0"}""", "exactly one of 'debian'")]
    [InlineData("""{"debian": "dists/x.deb"}""", "must be a pool path")]
    [InlineData("""{"debian": "pool/x.deb", "member": "./usr/x"}""", "'archive.member' must be a relative path")]
    [InlineData("""{"debian": "pool/x.deb", "member": "usr/../../x"}""", "'archive.member' must be a relative path")]
    [InlineData("""{"npm": "a", "version": "latest"}""", "exact 'version'")]
    [InlineData("""{"debian": "pool/x.deb", "sha256": "ABC"}""", "'archive.sha256' must be 64 lower-case hex digits")]
    [InlineData("""{"debian": "pool/x.deb", "membr": "x"}""", "membr")]
    public void A_bad_archive_field_is_named_with_its_manifest(string archive, string message)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(archive)!;
        fields.TryAdd("sha256", new string('0', 64));
        fields.TryAdd("size", 10);
        fields.TryAdd("member", "usr/x");
        var folder = Repo.TempFolder();
        var path = Path.Combine(folder, "bad" + DatasetManifest.FileSuffix);
        File.WriteAllText(path, JsonSerializer.Serialize(PackageFixtures.Manifest("bad", "bad", new string('0', 64), 1, fields)));
        var e = Assert.Throws<DatasetException>(() => DatasetManifest.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(message, e.Message);
    }
}
