using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests;

/// <summary>
/// The layer order of lib/RnnKit.Notebooks (its README): Model, then Formatting, then Execution, then Exercises,
/// then Export and Kernel side by side. A folder uses only folders below it, so no loop can come back; the engine
/// reaches into the library's fast layer only through the numeric snapshot the library owns.
/// </summary>
public class LayeringTests
{
    private static readonly string[][] Layers =
    [
        ["RnnKit.Notebooks/Model"],
        ["RnnKit.Notebooks/Formatting"],
        ["RnnKit.Notebooks/Execution"],
        ["RnnKit.Notebooks/Exercises"],
        ["RnnKit.Notebooks/Export", "RnnKit.Notebooks/Kernel"],
    ];

    public static TheoryData<string> Folders => new(Layers.SelectMany(l => l));

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_the_folders_below_it(string folder)
    {
        var rank = Array.FindIndex(Layers, l => l.Contains(folder));
        var upward = SourceDependencies.All
            .Where(u => u.From == folder && u.To.StartsWith("RnnKit.Notebooks/", StringComparison.Ordinal))
            .Where(u => Array.FindIndex(Layers, l => l.Contains(u.To)) is var to && (to < 0 || to >= rank))
            .ToList();
        Assert.True(upward.Count == 0, $"{folder} uses folders at or above its layer:\n{string.Join("\n", upward)}");
    }

    [Fact]
    public void The_engine_touches_the_fast_layer_only_through_the_numeric_snapshot()
    {
        var uses = SourceDependencies.Between("RnnKit.Notebooks/", "RnnKit/Fast").Where(u => u.Type != "RnnKit.Fast.NumericSettings").ToList();
        Assert.True(uses.Count == 0, string.Join("\n", uses));
    }

    [Fact]
    public void The_library_and_the_notebook_tools_never_use_the_command_line()
    {
        var uses = SourceDependencies.All.Where(u => u.To == "RnnKit.Cli" && u.From != "RnnKit.Cli").ToList();
        Assert.True(uses.Count == 0, string.Join("\n", uses));
    }
}
