using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Recurrent;

/// <summary>The state-generic step API that the sequence layers use, for every cell.</summary>
public class IRecurrentCellTests
{
    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("rnn_relu")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Step_backward_passes_the_gradient_check(string kind)
    {
        var random = new Random(11);
        var cell = TestMatrices.Cell(kind, 3, 4, seed: 12);
        Assert.Equal(kind, cell.Kind.Name());
        var x = new Parameter("x", TestMatrices.Uniform(3, 2, random));
        var start = TestMatrices.State(cell, 2, random);
        var h0 = new Parameter("h0", start.H);
        var c0 = start.C is null ? null : new Parameter("c0", start.C);
        var dState = TestMatrices.State(cell, 2, random);
        RecurrentState Previous() => new(h0.Value, c0?.Value);

        var report = GradientCheck.Run(
            () => TestMatrices.Dot(cell.Step(x.Value, Previous()).State, dState),
            () =>
            {
                var (_, cache) = cell.Step(x.Value, Previous());
                var grads = cell.StepBackward(dState, cache);
                x.Accumulate(grads.Dx);
                h0.Accumulate(grads.DPrevious.H);
                c0?.Accumulate(grads.DPrevious.C!);
            },
            cell.Parameters(), c0 is null ? [x, h0] : [x, h0, c0]);

        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Factory_makes_every_kind()
    {
        Assert.All(CellKinds.All, kind => Assert.Equal(kind, RecurrentCells.Create(kind, 2, 3).Kind));
        Assert.IsType<LstmCell>(RecurrentCells.Create(CellKind.Lstm, 2, 3));
    }

    [Fact]
    public void A_cache_from_another_cell_is_refused_by_name()
    {
        IRecurrentCell lstm = new LstmCell(2, 3);
        IRecurrentCell gru = new GruCell(2, 3);
        var (_, cache) = gru.Step(TestMatrices.Uniform(2, 1, new Random(0)), gru.ZeroState(1));
        var e = Assert.Throws<ArgumentException>(() => lstm.StepBackward(lstm.ZeroState(1), cache));
        Assert.Contains("LstmStepCache", e.Message);
        Assert.Contains("GruStepCache", e.Message);
    }
}
