using RnnKit.Cli;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Cli.Tests;

public class VerbRunnerTests
{
    [Fact]
    public void Unknown_verb_is_a_usage_error_that_lists_the_verbs()
    {
        var r = TestSupport.Cli.Run("frobnicate");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("unknown verb 'frobnicate'", r.Stderr);
    }

    [Fact]
    public void Help_lists_every_verb()
    {
        var r = TestSupport.Cli.Run("help");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        foreach (var v in VerbRunner.Verbs)
            Assert.Contains(v.Name, r.Stdout);
    }

    [Fact]
    public void Unknown_option_is_rejected_by_name()
    {
        var e = Assert.Throws<UsageException>(() => new ArgReader(["--outt", "x"], ["--out"]));
        Assert.Contains("--outt", e.Message);
    }

    [Fact]
    public void Out_folder_that_is_not_empty_needs_force()
    {
        var dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "precious");
        var e = Assert.Throws<CliException>(() => OutputFolder.Prepare(dir, force: false));
        Assert.Contains("--force", e.Message);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(dir, "keep.txt")));
        Assert.Equal(Path.GetFullPath(dir), OutputFolder.Prepare(dir, force: true));
    }
}
