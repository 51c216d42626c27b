using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Recurrent;

public class StackedLayerTests
{
    [Theory]
    [InlineData("lstm", "lstm", "lstm")]
    [InlineData("gru", "rnn_tanh", "lstm")]
    public void Bptt_through_every_layer_passes_the_gradient_check(string bottom, string middle, string top)
    {
        const int input = 3, hidden = 3, batch = 2, steps = 4;
        var random = new Random(41);
        var stack = new StackedLayer([
            TestMatrices.Cell(bottom, input, hidden, 42), TestMatrices.Cell(middle, hidden, hidden, 43), TestMatrices.Cell(top, hidden, 2, 44)]);
        var xs = Enumerable.Range(0, steps).Select(t => new Parameter($"x{t}", TestMatrices.Uniform(input, batch, random))).ToList();
        var starts = stack.Layers.Select(l => TestMatrices.State(l.Cell, batch, random)).ToList();
        var h0s = starts.Select((s, l) => new Parameter($"h0[{l}]", s.H)).ToList();
        var dHs = TestMatrices.Sequence(steps, 2, batch, random);
        var dFinals = stack.Layers.Select(l => (RecurrentState?)TestMatrices.State(l.Cell, batch, random)).ToList();
        IReadOnlyList<Matrix<double>> Values() => xs.Select(x => x.Value).ToList();
        IReadOnlyList<RecurrentState> Initials() => starts.Select((s, l) => s with { H = h0s[l].Value }).ToList();

        double Loss()
        {
            var (output, _) = stack.Forward(Values(), Initials());
            return output.Hs.Zip(dHs, TestMatrices.Dot).Sum() + output.Finals.Zip(dFinals, (f, d) => TestMatrices.Dot(f, d!.Value)).Sum();
        }

        var report = GradientCheck.Run(Loss, () =>
        {
            var (_, cache) = stack.Forward(Values(), Initials());
            var grads = stack.Backward(dHs.ToList<Matrix<double>?>(), cache, dFinals);
            for (var t = 0; t < steps; t++) xs[t].Accumulate(grads.Dxs[t]);
            for (var l = 0; l < h0s.Count; l++) h0s[l].Accumulate(grads.DInitials[l].H);
        }, stack.Parameters(), [.. xs, .. h0s]);

        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Layers_that_do_not_fit_are_refused_by_index()
    {
        var e = Assert.Throws<ArgumentException>(() => new StackedLayer([new LstmCell(3, 4), new LstmCell(5, 4)]));
        Assert.Contains("layer 1 reads 5", e.Message);
        Assert.Contains("layer 0 gives 4", e.Message);
    }
}
