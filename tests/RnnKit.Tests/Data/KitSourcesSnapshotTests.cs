using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

/// <summary>
/// Lesson 08's code corpus is a committed snapshot of <see cref="Corpora.KitSources"/> (datasets/kit-sources), so the
/// lesson's results do not move with the library; these tests keep the snapshot exactly the one its README names.
/// </summary>
public class KitSourcesSnapshotTests
{
    private const string Sha256 = "e633c8ccdd51ee10445bd6cad3602973797b63f215c7de8d11113e129cc5a8a5";
    private const int Characters = 879_190;   // UTF-16 code units, as string.Length counts them

    private static string SnapshotPath => Path.Combine(Repo.Root, "datasets", "kit-sources", "kit-sources.cs.txt");

    [Fact]
    public void The_snapshot_is_the_pinned_one_and_its_readme_names_its_hash_and_size()
    {
        Assert.Equal(Sha256, Hashing.Sha256OfFile(SnapshotPath));
        Assert.Equal(Characters, Corpora.PlainText(SnapshotPath).Length);
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "datasets", "kit-sources", "README.md"));
        Assert.Contains(Sha256, readme);
        Assert.Contains(Characters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), readme);
    }

    [Fact]
    public void The_snapshot_has_the_form_of_KitSources_and_holds_the_file_lesson_08_reads()
    {
        var text = Corpora.PlainText(SnapshotPath);
        var files = text.Split('\n').Where(l => l.StartsWith("// FILE: ", StringComparison.Ordinal)).Select(l => l[9..]).ToList();
        Assert.StartsWith("// FILE: lib/", text, StringComparison.Ordinal);
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.All(files, f => Assert.EndsWith(".cs", f, StringComparison.Ordinal));
        Assert.Contains("lib/RnnKit/Text/Perplexity.cs", files);
        Assert.DoesNotContain('\r', text);
    }
}
