using System.Formats.Tar;
using System.IO.Compression;
using RnnKit.Handwriting;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Handwriting;

public class HanziCollectionTests
{
    [Fact]
    public void Reads_a_folder_of_character_files()
    {
        var fixture = HanziFixture.Load();
        Assert.Equal(["一", "二", "人", "十", "土", "士"], fixture.Characters.ToArray());
        Assert.True(fixture.Contains("士"));
    }

    [Fact]
    public void Reads_an_npm_tarball_and_skips_its_other_files()
    {
        var folder = Repo.TempFolder();
        var tarball = Path.Combine(folder, "hanzi-writer-data-0.0.0.tgz");
        using (var gzip = new GZipStream(File.Create(tarball), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            tar.WriteEntry(Path.Combine(HanziFixture.Folder, "土.json"), "package/土.json");
            tar.WriteEntry(Path.Combine(HanziFixture.Folder, "人.json"), "package/人.json");
            var packageJson = Path.Combine(folder, "package.json");
            File.WriteAllText(packageJson, "{\"name\": \"hanzi-writer-data\"}");
            tar.WriteEntry(packageJson, "package/package.json");
        }
        var collection = HanziCollection.Load(tarball);
        Assert.Equal(["人", "土"], collection.Characters.ToArray());
        Assert.Equal(HanziFixture.Load()["土"].Strokes[2], collection["土"].Strokes[2]);
        Assert.Equal(["土"], HanziCollection.Load(tarball, only: ["土"]).Characters.ToArray());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_missing_character_or_path_is_named()
    {
        Assert.Contains("'永'", Assert.Throws<KeyNotFoundException>(() => HanziFixture.Load()["永"]).Message);
        Assert.Contains("'永'", Assert.Throws<KeyNotFoundException>(() => HanziCollection.Load(HanziFixture.Folder, only: ["永"])).Message);
        Assert.Contains("nowhere", Assert.Throws<FileNotFoundException>(() => HanziCollection.Load("/nowhere/hanzi")).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_tarball_is_named()
    {
        var folder = Repo.TempFolder();
        var bad = Path.Combine(folder, "bad.tgz");
        File.WriteAllText(bad, "not gzip");
        Assert.Contains(bad, Assert.Throws<HanziFormatException>(() => HanziCollection.Load(bad)).Message);
        Directory.Delete(folder, recursive: true);
    }
}
