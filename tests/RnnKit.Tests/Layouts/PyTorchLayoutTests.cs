using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Layouts;

public class PyTorchLayoutTests
{
    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Export_then_load_gives_a_cell_that_computes_the_same_function(string kind)
    {
        var random = new Random(101);
        var original = TestMatrices.Cell(kind, 3, 4, seed: 102);
        var copy = PyTorchLayout.CreateCell(CellKinds.Parse(kind), PyTorchLayout.Export(original));
        var xs = TestMatrices.Sequence(3, 3, 2, random);
        var a = new RecurrentLayer(original).Forward(xs).Output;
        var b = new RecurrentLayer(copy).Forward(xs).Output;
        Assert.True((a.Final.H - b.Final.H).FrobeniusNorm() < 1e-14);
        Assert.Equal(PyTorchLayout.Export(original).WeightIh, PyTorchLayout.Export(copy).WeightIh);
    }

    [Fact]
    public void Lstm_gates_are_read_in_pytorch_order_i_f_g_o()
    {
        const int hidden = 2, input = 1;
        var weightIh = Matrix<double>.Build.Dense(4 * hidden, input, (row, _) => row / hidden); // gate k's rows hold k
        var weights = new PyTorchWeights(weightIh, Matrix<double>.Build.Dense(4 * hidden, hidden),
            Vector<double>.Build.Dense(4 * hidden, k => k), Vector<double>.Build.Dense(4 * hidden, 1.0));
        var cell = (LstmCell)PyTorchLayout.CreateCell(CellKind.Lstm, weights);
        Assert.Equal(0.0, cell.InputGate.Wx.Value[0, 0]);
        Assert.Equal(1.0, cell.ForgetGate.Wx.Value[1, 0]);
        Assert.Equal(2.0, cell.Candidate.Wx.Value[0, 0]);
        Assert.Equal(3.0, cell.OutputGate.Wx.Value[1, 0]);
        Assert.Equal(2.0 + 1.0, cell.ForgetGate.B.Value[0, 0]); // bias_ih[2] + bias_hh[2]
    }

    [Fact]
    public void Gru_keeps_the_hidden_side_candidate_bias_apart()
    {
        var gru = new GruCell(2, 3, seed: 4);
        var exported = PyTorchLayout.Export(gru);
        Assert.Equal(gru.Bhn.Value.Column(0), exported.BiasHh.SubVector(6, 3));
        Assert.Equal(gru.Candidate.B.Value.Column(0), exported.BiasIh.SubVector(6, 3));
        Assert.Equal(0.0, exported.BiasHh.SubVector(0, 6).AbsoluteMaximum());
    }

    [Fact]
    public void Wrong_shapes_name_the_pytorch_tensor_and_both_shapes()
    {
        var cell = new LstmCell(3, 4);
        var w = PyTorchLayout.Export(cell);
        var e = Assert.Throws<ShapeMismatchException>(() => PyTorchLayout.Load(cell, w with { WeightIh = Matrix<double>.Build.Dense(12, 3) }));
        Assert.Contains("weight_ih", e.Message);
        Assert.Contains("(16, 3)", e.Message);
        Assert.Contains("(12, 3)", e.Message);
        var b = Assert.Throws<ShapeMismatchException>(() => PyTorchLayout.Load(cell, w with { BiasHh = Vector<double>.Build.Dense(15) }));
        Assert.Contains("bias_hh", b.Message);
    }
}
