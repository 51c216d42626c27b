using System.Diagnostics;
using RnnKit.Data;
using RnnKit.Handwriting;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Handwriting;

/// <summary>
/// The real hanzi-writer-data 2.0.1 from the npm registry, through the kit's manifest into an empty cache. Needs
/// the network: skipped without it, a failure under RNNKIT_REQUIRE_INTEROP=1 (CI reaches the registry).
/// </summary>
public class HanziStrokesPackageTests(ITestOutputHelper output)
{
    [Fact]
    public void The_package_is_fetched_verified_and_read_with_its_licence_beside_the_data()
    {
        var options = new DatasetHubOptions { DatasetsFolder = Repo.PathOf("datasets"), CacheFolder = Repo.TempFolder("rnnkit-cache"), UseSystemPaths = false };
        Interop.Require(RegistryReachable(options.NpmRegistry), $"the npm registry ({options.NpmRegistry})");
        var hub = new DatasetHub(options);
        var progress = new StringWriter();
        var clock = Stopwatch.StartNew();
        var folder = hub.Resolve(HanziCollection.Dataset, progress);
        output.WriteLine($"download and extraction: {clock.ElapsedMilliseconds} ms\n{progress}");
        Assert.True(File.Exists(Path.Combine(folder, "ARPHICPL.TXT")), "the licence stays beside the data");
        Assert.Equal(9574 + 1, Directory.EnumerateFiles(folder, "*.json").Count());   // the characters and package.json
        var characters = HanziCollection.FromKit(["永", "土", "士"], hub);
        Assert.Equal(5, characters["永"].StrokeCount);
        Assert.Equal(3, PenReader.Read(characters["土"]).StrokeCount);
        Directory.Delete(options.CacheFolder!, recursive: true);
    }

    private static bool RegistryReachable(string registry)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = client.Send(new HttpRequestMessage(HttpMethod.Head, registry.TrimEnd('/') + "/hanzi-writer-data"));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
