using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>
/// Embedding → linear → softmax cross-entropy against a double-precision reference written out loop by loop:
/// the loss and the gradients of the table, the weight, the bias and the linear layer's input agree.
/// </summary>
public class OutputChainTests
{
    private const int Vocabulary = 13, Dimension = 9, Positions = 23;

    [Fact]
    public void Loss_and_every_gradient_match_the_double_reference()
    {
        var random = new Random(8);
        var embedding = new FastEmbedding(Vocabulary, Dimension, random);
        var linear = new FastLinear(Dimension, Vocabulary, random);
        var tokens = Enumerable.Range(0, Positions).Select(_ => random.Next(Vocabulary)).ToArray();
        tokens[1] = tokens[0]; // a repeated token: its table row must receive both gradients
        var targets = Enumerable.Range(0, Positions).Select(_ => random.Next(Vocabulary)).ToArray();

        var e = embedding.Forward(tokens);
        var l = linear.Forward(e.Output, Positions);
        var dLogits = new float[l.Output.Length];
        var loss = FastSoftmaxCrossEntropy.LossAndGradient(l.Output, targets, Vocabulary, dLogits);
        var dEmbedded = new float[Positions * Dimension];
        linear.Backward(l, dLogits, dEmbedded);
        embedding.Backward(e, dEmbedded);

        var reference = Reference(embedding.Table.Value, linear.Weight.Value, linear.Bias.Value, tokens, targets);
        Assert.True(Math.Abs(reference.Loss - loss) <= FastAssert.Relative * reference.Loss, $"loss {loss} vs {reference.Loss}");
        FastAssert.Close(reference.DLogits, dLogits, "∂logits");
        FastAssert.Close(reference.DWeight, linear.Weight.Grad, "∂W");
        FastAssert.Close(reference.DBias, linear.Bias.Grad, "∂b");
        FastAssert.Close(reference.DEmbedded, dEmbedded, "∂x of the linear layer");
        FastAssert.Close(reference.DTable, embedding.Table.Grad, "∂E");
    }

    [Fact]
    public void A_token_outside_the_vocabulary_is_named_with_its_position()
    {
        var embedding = new FastEmbedding(Vocabulary, Dimension, new Random(1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => embedding.Forward([0, 1, Vocabulary]));
        Assert.Contains($"token id {Vocabulary} at position 2", e.Message);
    }

    [Fact]
    public void Logits_of_the_wrong_shape_are_rejected_with_both_shapes()
    {
        var e = Assert.Throws<ShapeMismatchException>(() =>
            FastSoftmaxCrossEntropy.LossAndGradient(new float[10], [0, 1, 2], 4, new float[10]));
        Assert.Contains("(N, V) = (3, 4)", e.Message);
        Assert.Contains("10 values", e.Message);
    }

    private sealed record Gradients(double Loss, double[] DLogits, double[] DWeight, double[] DBias, double[] DEmbedded, double[] DTable);

    private static Gradients Reference(float[] table, float[] weight, float[] bias, int[] tokens, int[] targets)
    {
        int n = tokens.Length, v = Vocabulary, d = Dimension;
        var dLogits = new double[n * v];
        var dWeight = new double[v * d];
        var dBias = new double[v];
        var dX = new double[n * d];
        var dTable = new double[v * d];
        double loss = 0;
        for (var i = 0; i < n; i++)
        {
            var z = new double[v];
            for (var k = 0; k < v; k++)
            {
                z[k] = bias[k];
                for (var j = 0; j < d; j++) z[k] += (double)weight[k * d + j] * table[tokens[i] * d + j];
            }
            var max = z.Max();
            var sum = z.Sum(s => Math.Exp(s - max));
            loss += max + Math.Log(sum) - z[targets[i]];
            for (var k = 0; k < v; k++)
                dLogits[i * v + k] = (Math.Exp(z[k] - max) / sum - (k == targets[i] ? 1 : 0)) / n;
        }
        for (var i = 0; i < n; i++)
            for (var k = 0; k < v; k++)
            {
                var g = dLogits[i * v + k];
                dBias[k] += g;
                for (var j = 0; j < d; j++)
                {
                    dWeight[k * d + j] += g * table[tokens[i] * d + j];
                    dX[i * d + j] += g * weight[k * d + j];
                }
            }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++)
                dTable[tokens[i] * d + j] += dX[i * d + j];
        return new Gradients(loss / n, dLogits, dWeight, dBias, dX, dTable);
    }
}
