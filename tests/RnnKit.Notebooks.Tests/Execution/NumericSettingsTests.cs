using RnnKit.Fast;
using RnnKit.Notebooks.Execution;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

[CollectionDefinition(nameof(NumericSettingsCollection), DisableParallelization = true)]
public sealed class NumericSettingsCollection;

/// <summary>A notebook's process-wide numeric settings end with its session (lesson 09 changes MathNet's).</summary>
[Collection(nameof(NumericSettingsCollection))]
public class NumericSettingsTests
{
    [Fact]
    public async Task Settings_a_notebook_changes_are_put_back_when_its_session_ends()
    {
        var mathNetBefore = MathNet.Numerics.Control.MaxDegreeOfParallelism;
        var fastBefore = Parallelism.MaxDegree;
        using (var run = new SessionRun())
        {
            var (result, outputs) = await run.RunAsync($"""
                #r "{typeof(MathNet.Numerics.Control).Assembly.Location}"
                #r "{typeof(Parallelism).Assembly.Location}"
                MathNet.Numerics.Control.MaxDegreeOfParallelism = {mathNetBefore + 3};
                RnnKit.Fast.Parallelism.MaxDegree = {fastBefore + 5};
                """);
            Assert.True(result.Status == CellStatus.Ok, result.Error);
            Assert.Equal(mathNetBefore + 3, MathNet.Numerics.Control.MaxDegreeOfParallelism);
            Assert.Equal(fastBefore + 5, Parallelism.MaxDegree);
        }
        Assert.Equal(mathNetBefore, MathNet.Numerics.Control.MaxDegreeOfParallelism);
        Assert.Equal(fastBefore, Parallelism.MaxDegree);
    }
}
