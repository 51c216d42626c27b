using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Losses;

public class SequenceCrossEntropyTests
{
    private static readonly int[][] Targets = [[1, 0, 2], [2, 2, 0], [0, 1, 1]];

    /// <summary>Example 0 has 3 real steps, example 1 has 1, example 2 has 2; the rest is padding.</summary>
    private static readonly bool[][] Mask = SequenceCrossEntropy.MaskFromLengths([3, 1, 2], 3);

    [Fact]
    public void Masked_loss_passes_the_gradient_check_on_the_logits()
    {
        var random = new Random(91);
        var logits = Enumerable.Range(0, 3).Select(t => new Parameter($"z{t}", TestMatrices.Uniform(4, 3, random, scale: 3))).ToList();
        IReadOnlyList<Matrix<double>> Values() => logits.Select(z => z.Value).ToList();
        var report = GradientCheck.Run(
            () => SequenceCrossEntropy.Compute(Values(), Targets, Mask).Loss,
            () =>
            {
                var result = SequenceCrossEntropy.Compute(Values(), Targets, Mask);
                for (var t = 0; t < 3; t++) logits[t].Accumulate(result.DLogits[t]);
            }, [], logits);
        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Loss_is_the_mean_over_unmasked_tokens_and_padding_changes_nothing()
    {
        var random = new Random(92);
        var logits = TestMatrices.Sequence(3, 4, 3, random);
        var result = SequenceCrossEntropy.Compute(logits, Targets, Mask);
        Assert.Equal(6, result.Tokens);
        var expected = 0.0;
        for (var t = 0; t < 3; t++)
            for (var j = 0; j < 3; j++)
                if (Mask[t][j])
                    expected -= Math.Log(Activations.Softmax(logits[t])[Targets[t][j], j]);
        Assert.Equal(expected / 6, result.Loss, 12);
        Assert.Equal(0.0, result.DLogits[1].Column(1).AbsoluteMaximum());

        // whatever sits in a padded position (even an invalid target id) does not matter
        logits[2][0, 1] += 50;
        var padded = Targets.Select(row => row.ToArray()).ToArray();
        padded[2][1] = -1;
        Assert.Equal(result.Loss, SequenceCrossEntropy.Compute(logits.Select((z, t) => t == 2 ? z : z.Clone()).ToList(), padded, Mask).Loss, 12);
    }

    [Fact]
    public void Embedding_rnn_linear_and_masked_loss_together_pass_the_gradient_check()
    {
        const int vocab = 5, embed = 3, hidden = 4, steps = 3;
        var embedding = new Embedding(vocab, embed, seed: 93);
        var layer = new RecurrentLayer(new LstmCell(embed, hidden, seed: 94));
        var readout = new Linear(hidden, vocab, seed: 95);
        int[][] inputs = [[1, 4, 2], [0, 0, 3], [2, 1, 4]];
        var model = new IModule[] { embedding, layer, readout };

        double Loss()
        {
            var xs = inputs.Select(ids => embedding.Forward(ids).X).ToList();
            var (hs, _) = layer.Forward(xs);
            return SequenceCrossEntropy.Compute(readout.ForwardSequence(hs.Hs).Ys, Targets, Mask).Loss;
        }

        var report = GradientCheck.Run(Loss, () =>
        {
            var looked = inputs.Select(embedding.Forward).ToList();
            var (hs, cache) = layer.Forward(looked.Select(l => l.X).ToList());
            var (zs, readoutCaches) = readout.ForwardSequence(hs.Hs);
            var loss = SequenceCrossEntropy.Compute(zs, Targets, Mask);
            var dHs = readout.BackwardSequence(loss.DLogits, readoutCaches);
            var grads = layer.Backward(dHs.ToList<Matrix<double>?>(), cache);
            for (var t = 0; t < steps; t++) embedding.Accumulate(embedding.Backward(grads.Dxs[t], looked[t].Cache));
        }, model.SelectMany(m => m.Parameters()));
        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Bad_targets_and_shapes_are_named()
    {
        var logits = new List<Matrix<double>> { Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(4, 3) };
        var e = Assert.Throws<ShapeMismatchException>(() => SequenceCrossEntropy.Compute(logits, [[0, 1], [0, 1]]));
        Assert.Contains("step 1", e.Message);
        Assert.Contains("(4, 2)", e.Message);
        Assert.Contains("(4, 3)", e.Message);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceCrossEntropy.Compute(logits[0], [0, 7]));
        Assert.Contains("example 1", bad.Message);
        Assert.Throws<ArgumentException>(() => SequenceCrossEntropy.Compute(logits[0], [0, 1], [false, false]));
    }
}
