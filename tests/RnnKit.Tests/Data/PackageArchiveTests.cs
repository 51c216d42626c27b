using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

public class PackageArchiveTests
{
    private static string Extract(string fixture, ArchiveKind kind, string member, string? source = null)
    {
        var destination = Path.Combine(Repo.TempFolder(), "out");
        PackageArchive.Extract(source ?? PackageFixtures.PathOf(fixture), kind, [new PackageArchive.Extraction(member, destination)]);
        return destination;
    }

    [Theory]
    [InlineData("tiny-xz.deb")]
    [InlineData("tiny-zst.deb")]
    [InlineData("tiny-gz.deb")]
    public void A_file_comes_out_of_a_deb_whatever_its_data_compression(string fixture)
    {
        var poem = Extract(fixture, ArchiveKind.Deb, "usr/share/tiny/poem");
        Assert.Equal(PackageFixtures.PoemSha256, Hashing.Sha256OfFile(poem));
    }

    [Theory]
    [InlineData("tiny-xz.deb", "usr/share/tiny/strokes/")]
    [InlineData("tiny-npm.tgz", "package/data/")]
    public void A_folder_comes_out_with_its_subfolders(string fixture, string member)
    {
        var kind = fixture.EndsWith(".deb") ? ArchiveKind.Deb : ArchiveKind.NpmTarball;
        var folder = Extract(fixture, kind, member);
        Assert.Equal(["more/二.json", "一.json"], Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal((PackageFixtures.StrokesDigest, PackageFixtures.StrokesSize, 2), Hashing.Sha256OfFolder(folder));
    }

    [Fact]
    public void Several_members_come_out_in_one_pass()
    {
        var temp = Repo.TempFolder();
        PackageArchive.Extract(PackageFixtures.PathOf("tiny-npm.tgz"), ArchiveKind.NpmTarball,
            [new("package/poem.txt", Path.Combine(temp, "poem")), new("package/data/", Path.Combine(temp, "strokes"))]);
        Assert.Equal(PackageFixtures.PoemSha256, Hashing.Sha256OfFile(Path.Combine(temp, "poem")));
        Assert.Equal(2, Hashing.Sha256OfFolder(Path.Combine(temp, "strokes")).Files);
    }

    [Fact]
    public void Members_are_read_in_place_and_what_the_reader_throws_passes_through_unchanged()
    {
        var read = new List<string>();
        PackageArchive.Read(PackageFixtures.PathOf("tiny-npm.tgz"), ArchiveKind.NpmTarball, path => path.StartsWith("package/data/", StringComparison.Ordinal),
            (path, content) => read.Add($"{path} {new StreamReader(content).ReadToEnd().Length > 0}"));
        Assert.Equal(["package/data/more/二.json True", "package/data/一.json True"], read.Order(StringComparer.Ordinal));

        var error = Assert.Throws<FormatException>(() => PackageArchive.Read(PackageFixtures.PathOf("tiny-npm.tgz"), ArchiveKind.NpmTarball,
            _ => true, (path, _) => throw new FormatException($"the reader refuses {path}")));
        Assert.StartsWith("the reader refuses package/", error.Message);
    }

    [Fact]
    public void A_missing_member_is_named()
    {
        var e = Assert.Throws<DatasetException>(() => Extract("tiny-xz.deb", ArchiveKind.Deb, "usr/share/tiny/nope"));
        Assert.Contains("tiny-xz.deb has no member 'usr/share/tiny/nope'", e.Message);
    }

    [Fact]
    public void A_link_is_not_taken_for_the_file()
    {
        var e = Assert.Throws<DatasetException>(() => Extract("tiny-xz.deb", ArchiveKind.Deb, "usr/share/tiny/poem.u8"));
        Assert.Contains("'usr/share/tiny/poem.u8' is a SymbolicLink, not a plain file (it points to 'poem')", e.Message);
    }

    [Theory]
    [InlineData("tiny-xz.deb")]
    [InlineData("tiny-zst.deb")]
    [InlineData("tiny-gz.deb")]
    public void A_truncated_deb_is_named_as_truncated(string fixture)
    {
        var bytes = PackageFixtures.Bytes(fixture);
        var cut = Path.Combine(Repo.TempFolder(), fixture);
        File.WriteAllBytes(cut, bytes[..(bytes.Length - 100)]);
        var e = Assert.Throws<DatasetException>(() => Extract(fixture, ArchiveKind.Deb, "usr/share/tiny/poem", cut));
        Assert.Contains($"{fixture} is truncated", e.Message);
    }

    [Theory]
    [InlineData("tiny-xz.deb")]
    [InlineData("tiny-zst.deb")]
    [InlineData("tiny-gz.deb")]
    [InlineData("tiny-npm.tgz")]
    public void A_damaged_package_is_named_as_damaged(string fixture)
    {
        var bytes = PackageFixtures.Bytes(fixture);
        for (var i = bytes.Length - 300; i < bytes.Length - 40; i++)
            bytes[i] ^= 0x5A;
        var damaged = Path.Combine(Repo.TempFolder(), fixture);
        File.WriteAllBytes(damaged, bytes);
        var kind = fixture.EndsWith(".deb") ? ArchiveKind.Deb : ArchiveKind.NpmTarball;
        var e = Assert.Throws<DatasetException>(() => Extract(fixture, kind, kind == ArchiveKind.Deb ? "usr/share/tiny/poem" : "package/poem.txt", damaged));
        Assert.Contains(fixture, e.Message);
        Assert.Matches("damaged|has no member", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_deb_is_named()
    {
        var e = Assert.Throws<DatasetException>(() => Extract("", ArchiveKind.Deb, "x", PackageFixtures.PathOf("tiny-npm.tgz")));
        Assert.Contains("tiny-npm.tgz is not a Debian package", e.Message);
    }
}
