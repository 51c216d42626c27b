using RnnKit.Cli;
using RnnKit.Platform;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Platform;

public class FileInUseTests
{
    [Fact]
    public void Windows_sharing_and_lock_violations_are_recognised_and_others_are_not()
    {
        Assert.True(FileInUse.Is(new IOException("used by another process", unchecked((int)0x80070020))));
        Assert.True(FileInUse.Is(new IOException("locked", unchecked((int)0x80070021))));
        Assert.False(FileInUse.Is(new IOException("disk full", unchecked((int)0x80070070))));
        Assert.False(FileInUse.Is(new FileNotFoundException("gone")));
        Assert.False(FileInUse.Is(new IOException("no space", 28)));
    }

    [Fact]
    public void A_file_another_program_holds_is_a_clear_message_not_a_stack_trace()
    {
        var path = Path.Combine(Repo.TempFolder(), "held.txt");
        File.WriteAllText(path, "床前明月光");
        using var held = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var r = TestSupport.Cli.Run("datasets", "hash", path);

        Assert.Equal(ExitCodes.Error, r.ExitCode);
        Assert.Contains(path, r.Stderr);
        Assert.Contains("Another program has it open", r.Stderr);
        Assert.Contains("VS Code", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
