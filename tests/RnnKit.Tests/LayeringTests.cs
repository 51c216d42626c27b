using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests;

/// <summary>
/// Arrows of lib/RnnKit that must not come back (#14): the layers and attention build on Core, not on the recurrent
/// cells — the uniform initialiser they share lives in Core. Checked on the sources (most files share the namespace
/// RnnKit, so the folder declaring each used type is what counts).
/// </summary>
public class LayeringTests
{
    /// <summary>The initialiser's old home; while it is there, the pairs below still go through it.</summary>
    private static readonly string CellInitInRecurrent = Repo.PathOf("lib", "RnnKit", "Recurrent", "CellInit.cs");

    [Theory]
    [InlineData("RnnKit/Layers", "RnnKit/Recurrent")]
    [InlineData("RnnKit/Attention", "RnnKit/Recurrent")]
    public void A_lower_folder_does_not_use_a_higher_one(string from, string to)
    {
        Assert.SkipWhen(File.Exists(CellInitInRecurrent),
            "CellInit is still in Recurrent/; the move to Core/ (#14 item 5) turns this check on");
        var uses = SourceDependencies.Between(from, to);
        Assert.True(uses.Count == 0, $"{from} must not use {to}:\n{string.Join("\n", uses)}");
    }
}
