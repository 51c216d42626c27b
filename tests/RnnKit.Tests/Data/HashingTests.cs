using System.Text;
using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

public class HashingTests
{
    [Fact]
    public void A_folder_digest_is_the_sha256sum_listing_in_byte_order()
    {
        var folder = Repo.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        File.WriteAllText(Path.Combine(folder, "b", "x.txt"), "x");
        File.WriteAllText(Path.Combine(folder, "a.txt"), "a");
        File.WriteAllText(Path.Combine(folder, "一.txt"), "");
        var listing = $"{Hashing.Sha256Of("a"u8)}  a.txt\n{Hashing.Sha256Of("x"u8)}  b/x.txt\n{Hashing.Sha256Of([])}  一.txt\n";
        Assert.Equal((Hashing.Sha256Of(Encoding.UTF8.GetBytes(listing)), 2L, 3), Hashing.Sha256OfFolder(folder));
    }

    [Fact]
    public void A_changed_renamed_or_extra_file_changes_the_digest()
    {
        var folder = Repo.TempFolder();
        File.WriteAllText(Path.Combine(folder, "a.txt"), "a");
        var before = Hashing.Sha256OfFolder(folder).Sha256;
        File.Move(Path.Combine(folder, "a.txt"), Path.Combine(folder, "b.txt"));
        var renamed = Hashing.Sha256OfFolder(folder).Sha256;
        File.WriteAllText(Path.Combine(folder, "c.txt"), "");
        var extra = Hashing.Sha256OfFolder(folder).Sha256;
        Assert.Equal(3, new[] { before, renamed, extra }.Distinct().Count());
    }
}
