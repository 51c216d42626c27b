using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Layers;

public class OutputLayerTests
{
    [Fact]
    public void Softmax_output_backward_passes_the_gradient_check()
    {
        var random = new Random(81);
        var output = new OutputLayer(hiddenSize: 4, classes: 3, seed: 82);
        var a = new Parameter("a", TestMatrices.Uniform(4, 2, random));
        var dYHat = TestMatrices.Uniform(3, 2, random);
        var report = GradientCheck.Run(
            () => TestMatrices.Dot(output.Forward(a.Value).YHat, dYHat),
            () =>
            {
                var (_, cache) = output.Forward(a.Value);
                var grads = output.Backward(dYHat, cache);
                output.Accumulate(grads);
                a.Accumulate(grads.Dx);
            }, output.Parameters(), [a]);
        TestMatrices.AssertPassed(report);
        Assert.Equal(["Wya", "by", "a"], report.Entries.Select(e => e.Name));
    }

    [Fact]
    public void Columns_are_probability_distributions_even_for_huge_logits()
    {
        var z = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new[,] { { 1000.0, -3 }, { 999.0, 2 } });
        var p = Activations.Softmax(z);
        Assert.Equal(1.0, p.Column(0).Sum(), 12);
        Assert.Equal(1.0, p.Column(1).Sum(), 12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), p[0, 0], 12);
    }
}
