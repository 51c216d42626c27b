using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Recurrent;

public class BidirectionalLayerTests
{
    [Theory]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("rnn_tanh")]
    public void Bptt_in_both_directions_passes_the_gradient_check(string kind)
    {
        const int input = 3, hidden = 2, batch = 2, steps = 4;
        var random = new Random(31);
        var layer = new BidirectionalLayer(TestMatrices.Cell(kind, input, hidden, 32), TestMatrices.Cell(kind, input, hidden, 33));
        var xs = Enumerable.Range(0, steps).Select(t => new Parameter($"x{t}", TestMatrices.Uniform(input, batch, random))).ToList();
        var dYs = TestMatrices.Sequence(steps, 2 * hidden, batch, random);
        IReadOnlyList<Matrix<double>> Values() => xs.Select(x => x.Value).ToList();

        var report = GradientCheck.Run(
            () => layer.Forward(Values()).Output.Ys.Zip(dYs, TestMatrices.Dot).Sum(),
            () =>
            {
                var (_, cache) = layer.Forward(Values());
                var grads = layer.Backward(dYs.ToList<Matrix<double>?>(), cache);
                for (var t = 0; t < steps; t++) xs[t].Accumulate(grads.Dxs[t]);
            },
            layer.Parameters(), xs);

        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Output_stacks_the_forward_state_over_the_backward_state_of_the_same_step()
    {
        var random = new Random(34);
        var layer = new BidirectionalLayer(new GruCell(2, 3, seed: 1), new GruCell(2, 3, seed: 2));
        var xs = TestMatrices.Sequence(3, 2, 1, random);
        var (output, _) = layer.Forward(xs);
        var forward = layer.Forwards.Forward(xs).Output;
        var backward = layer.Backwards.Forward(xs.AsEnumerable().Reverse().ToList()).Output;
        Assert.Equal(forward.Hs[0], output.Ys[0].SubMatrix(0, 3, 0, 1));
        Assert.Equal(backward.Hs[2], output.Ys[0].SubMatrix(3, 3, 0, 1));
        Assert.Equal(6, layer.OutputSize);
    }

    [Fact]
    public void Directions_of_different_sizes_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new BidirectionalLayer(new GruCell(2, 3), new GruCell(2, 4)));
        Assert.Contains("hidden 3", e.Message);
        Assert.Contains("hidden 4", e.Message);
    }
}
