using System.Text.Json;
using RnnKit.Data;
using RnnKit.Data.Tasks;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data.Tasks;

public class TaskWriterTests
{
    /// <summary>
    /// The SHA-256 of every generated file. Any change to a generator changes these: if the change is intended,
    /// regenerate (rnnkit datasets generate --force), commit datasets/generated/ and update this table.
    /// </summary>
    private static readonly Dictionary<string, string> ExpectedSha256 = new()
    {
        ["binary-addition.jsonl"] = "c94c4dec6bd7748860cc98fd2ee49fcc95f5b14e8be9727733465664e22532c4",
        ["copy.jsonl"] = "a824840e34f0397089a14ae10c441d6e5f38bfbf55ee170db6489c3d19f9f670",
        ["adding.jsonl"] = "476fcec458159c2f8dd4af63d4c6ebf027419b0e09f8edf3294526995c5ba797",
        ["parity.jsonl"] = "68dc1ab7915f49a130d7dddf764438476dd4712dd33f6796353bb3c99e592b75",
        ["dates.jsonl"] = "8b7860140d771905bc2288f6e6653e89107f2a5934c8bf7c09263e6a39f94c56",
        ["toy-tagging.jsonl"] = "eb9549cd7ae5e1e74c6b2f3b586835adfe56bccf5b38bb2e63ba268acf3b2722",
        ["sentiment.jsonl"] = "1de01255a409442c0ab470cd4dedd0651f0ed31e4e56b7264d99ff53b256110f",
        ["pen-strokes.jsonl"] = "2e5136ac01e1882b8142f9c2103e34b05115c74adbf6230348171350d559dea2",
        ["shapes.jsonl"] = "46c13f5244c47241355db5cdc0ba4deb4a81db35ca474b296e1364851ab97d5a",
        ["mackey-glass.jsonl"] = "f1ed0a181804846d385c857021ce03683547fe5b540cb7ae96c1f7a5ba9a0365",
        ["MANIFEST.json"] = "fedf41f3407d3bc2ecf806e006c9ff375664f6d586a0a1d755492c018abc6495",
    };

    private static Dictionary<string, string> HashesOf(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), Hashing.Sha256OfFile);

    [Fact]
    public void Generate_twice_gives_identical_bytes_with_the_expected_hashes()
    {
        var (first, second) = (Repo.TempFolder("rnnkit-gen"), Repo.TempFolder("rnnkit-gen"));
        Assert.Equal(0, TestSupport.Cli.Run("datasets", "generate", "--out", first, "--force").ExitCode);
        Assert.Equal(0, TestSupport.Cli.Run("datasets", "generate", "--out", second, "--force").ExitCode);
        var hashes = HashesOf(first);
        Assert.Equal(hashes, HashesOf(second));
        Assert.Equal(ExpectedSha256.OrderBy(kv => kv.Key), hashes.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void The_manifest_lists_every_file_with_its_hash_and_the_total_stays_small()
    {
        var folder = Repo.TempFolder("rnnkit-gen");
        var manifest = TaskWriter.WriteAll(folder);
        var loaded = GeneratedManifest.TryLoad(folder)!;
        Assert.Equal((manifest.Generator, manifest.Seed), (loaded.Generator, loaded.Seed));
        Assert.Equal(manifest.Files, loaded.Files);
        foreach (var f in manifest.Files)
        {
            var path = Path.Combine(folder, f.File);
            Assert.Equal((f.Size, f.Sha256), (new FileInfo(path).Length, Hashing.Sha256OfFile(path)));
            Assert.Equal(f.Examples, File.ReadAllLines(path).Length);
            foreach (var line in File.ReadLines(path).Take(3))
                JsonDocument.Parse(line).Dispose();
        }
        const long TwoMegabytes = 2 * 1024 * 1024;
        Assert.True(manifest.Files.Sum(f => f.Size) < TwoMegabytes);
    }

    [Fact]
    public void The_committed_generated_folder_is_up_to_date()
    {
        var committed = Repo.PathOf("datasets", "generated");
        Assert.True(Directory.Exists(committed), $"{committed} is missing: run rnnkit datasets generate");
        Assert.Equal(ExpectedSha256.OrderBy(kv => kv.Key), HashesOf(committed).OrderBy(kv => kv.Key));
    }
}
