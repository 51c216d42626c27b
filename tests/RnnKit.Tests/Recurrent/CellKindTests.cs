using Xunit;

namespace RnnKit.Tests.Recurrent;

public class CellKindTests
{
    [Theory]
    [InlineData("rnn_tanh", CellKind.RnnTanh)]
    [InlineData("RNN_TANH", CellKind.RnnTanh)]
    [InlineData("rnn", CellKind.RnnTanh)]
    [InlineData("rnn_relu", CellKind.RnnRelu)]
    [InlineData("LSTM", CellKind.Lstm)]
    [InlineData("gru", CellKind.Gru)]
    public void Parse_reads_pytorchs_names(string name, CellKind expected) => Assert.Equal(expected, CellKinds.Parse(name));

    [Fact]
    public void Every_kind_parses_back_from_its_name()
    {
        Assert.Equal(4, CellKinds.All.Count);
        Assert.All(CellKinds.All, kind => Assert.Equal(kind, CellKinds.Parse(kind.Name())));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_accepted_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => CellKinds.Parse("lstmm"));
        Assert.Contains("'lstmm'", e.Message);
        Assert.Contains("rnn_tanh (or rnn), rnn_relu, lstm or gru", e.Message);
        Assert.False(CellKinds.TryParse(null, out _));
    }

    [Fact]
    public void Gate_counts_and_cell_state_follow_pytorchs_layout()
    {
        Assert.Equal([1, 1, 4, 3], CellKinds.All.Select(k => k.GateCount()));
        Assert.Equal([false, false, true, false], CellKinds.All.Select(k => k.HasCellState()));
    }
}
