using RnnKit.Notebooks.Kernel;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

public class OutputCapTests
{
    private static string Joined(IEnumerable<Output> outputs) => string.Concat(outputs.OfType<StreamOutput>().Select(s => s.Text));

    [Fact]
    public void Under_the_limit_everything_passes_at_once()
    {
        var cap = new OutputCap(100);
        Assert.Equal("hello\n", Joined(cap.Admit(new StreamOutput("stdout", "hello\n"))));
        Assert.Empty(cap.Finish());
    }

    [Fact]
    public void Over_the_limit_the_head_passes_the_middle_is_counted_and_the_tail_comes_at_the_end()
    {
        var cap = new OutputCap(20);
        var now = Enumerable.Range(0, 10).SelectMany(i => cap.Admit(new StreamOutput("stdout", $"{i}{i}{i}{i}\n"))).ToList();
        Assert.Equal("0000\n1111\n", Joined(now));
        var end = cap.Finish();
        Assert.Equal("8888\n9999\n", Joined(end.Skip(1)));
        Assert.Contains("30 characters (6 lines) of output cut here", Joined(end.Take(1)));
    }

    [Fact]
    public void A_display_in_the_middle_is_counted_as_cut_and_a_clear_starts_again()
    {
        var cap = new OutputCap(10);
        cap.Admit(new StreamOutput("stdout", "12345"));
        Assert.Empty(cap.Admit(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = "123" })));
        cap.Admit(new StreamOutput("stdout", "abcde"));
        Assert.Contains("and 1 displays", Joined(cap.Finish()));

        cap.Admit(new StreamOutput("stdout", "12345"));
        Assert.Single(cap.Admit(new ClearOutput(Wait: false)));
        Assert.Equal("abcde", Joined(cap.Admit(new StreamOutput("stdout", "abcde"))));
    }
}
