using RnnKit.Data;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Data;

public class CorporaTests
{
    [Fact]
    public void Kit_sources_hold_every_library_file_in_order_and_no_build_output()
    {
        var text = Corpora.KitSources(Repo.Root);
        var files = text.Split('\n').Where(l => l.StartsWith("// FILE: ", StringComparison.Ordinal)).Select(l => l[9..]).ToList();
        Assert.Contains("lib/RnnKit/Data/Corpora.cs", files);
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.DoesNotContain(files, f => f.Contains("/obj/") || f.Contains("/bin/"));
        Assert.Contains("public static string KitSources", text);
    }

    [Fact]
    public void Plain_text_normalises_line_ends_and_names_a_missing_file()
    {
        var path = Path.Combine(Repo.TempFolder(), "t.txt");
        File.WriteAllText(path, "a\r\nb\n");
        Assert.Equal("a\nb\n", Corpora.PlainText(path));
        var e = Assert.Throws<FileNotFoundException>(() => Corpora.PlainText(path + ".missing"));
        Assert.Contains("t.txt.missing", e.Message);
    }
}
