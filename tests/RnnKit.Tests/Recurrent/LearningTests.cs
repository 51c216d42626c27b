using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Recurrent;

/// <summary>"Loss goes down": the scratch pieces, trained with plain gradient descent, learn a tiny task.</summary>
public class LearningTests
{
    private const int Vocab = 4, Embed = 3, Hidden = 8, Steps = 6, Iterations = 60;
    private const double LearningRate = 0.5;

    [Theory]
    [InlineData("rnn_tanh")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Next_token_of_a_cycle_is_learned(string kind)
    {
        // two sequences of the cycle 0 → 1 → 2 → 3 → 0 …, starting at different tokens; target = next token
        int[][] inputs = Enumerable.Range(0, Steps).Select(t => new[] { t % Vocab, (t + 2) % Vocab }).ToArray();
        int[][] targets = inputs.Select(ids => ids.Select(i => (i + 1) % Vocab).ToArray()).ToArray();
        var embedding = new Embedding(Vocab, Embed, seed: 1);
        var layer = new RecurrentLayer(Checking.TestMatrices.Cell(kind, Embed, Hidden, seed: 2));
        var readout = new Linear(Hidden, Vocab, seed: 3);
        IModule[] model = [embedding, layer, readout];

        double Step()
        {
            foreach (var m in model) m.ZeroGrad();
            var looked = inputs.Select(embedding.Forward).ToList();
            var (hs, cache) = layer.Forward(looked.Select(l => l.X).ToList());
            var (zs, readoutCaches) = readout.ForwardSequence(hs.Hs);
            var loss = SequenceCrossEntropy.Compute(zs, targets);
            var dHs = readout.BackwardSequence(loss.DLogits, readoutCaches);
            var grads = layer.Backward(dHs.ToList<Matrix<double>?>(), cache);
            for (var t = 0; t < Steps; t++) embedding.Accumulate(embedding.Backward(grads.Dxs[t], looked[t].Cache));
            foreach (var p in model.SelectMany(m => m.Parameters())) p.Value.Subtract(LearningRate * p.Grad, p.Value);
            return loss.Loss;
        }

        var first = Step();
        var last = first;
        for (var i = 1; i < Iterations; i++) last = Step();
        Assert.InRange(first, Math.Log(Vocab) * 0.7, Math.Log(Vocab) * 1.5);
        Assert.True(last < 0.25 * first, $"{kind}: loss went from {first:F3} to {last:F3} in {Iterations} steps");
    }
}
