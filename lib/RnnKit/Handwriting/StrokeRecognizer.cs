using RnnKit.Fast;

namespace RnnKit.Handwriting;

/// <summary>
/// Handwriting recognition (手写识别) as an N:1 task: a bidirectional GRU reads a pen sequence both ways, the last
/// state of each direction (h→ after the last point, h← after the first) is concatenated, and a linear layer scores
/// every character. Built from the fast layer's GRU and linear layer, float32, trained with Adam.
/// </summary>
public sealed class StrokeRecognizer : IFastModule
{
    /// <param name="classes">How many characters it tells apart.</param>
    /// <param name="hiddenSize">Units per direction.</param>
    /// <param name="random">Initial weights (seed it through Kit).</param>
    public StrokeRecognizer(int classes, int hiddenSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Forwards = new FastGru(PenSequence.Features, hiddenSize, random);
        Backwards = new FastGru(PenSequence.Features, hiddenSize, random);
        Output = new FastLinear(2 * hiddenSize, classes, random);
    }

    /// <summary>Reads the sequence left to right.</summary>
    public FastGru Forwards { get; }

    /// <summary>Reads it right to left.</summary>
    public FastGru Backwards { get; }

    /// <summary>[h→; h←] (B, 2H) → scores (B, classes).</summary>
    public FastLinear Output { get; }

    public int Classes => Output.OutputSize;

    public int HiddenSize => Forwards.Weights.HiddenSize;

    public IEnumerable<FastParameter> Parameters() => [.. Forwards.Parameters(), .. Backwards.Parameters(), .. Output.Parameters()];

    /// <summary>Scores (B, classes) for every sequence of the batch.</summary>
    public float[] Scores(PenBatch batch) => Run(batch).Scores.Output;

    /// <summary>The highest-scoring class of each sequence.</summary>
    public int[] Predict(PenBatch batch)
    {
        var scores = Scores(batch);
        return [.. Enumerable.Range(0, batch.Batch).Select(b => ArgMax(scores.AsSpan(b * Classes, Classes)))];
    }

    /// <summary>One step of training: mean cross-entropy over the batch, backward, clipping, an Adam update.</summary>
    /// <returns>The loss before the update.</returns>
    public float TrainStep(PenBatch batch, int[] labels, FastAdam optimizer, float maxNorm = 5)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (labels.Length != batch.Batch)
            throw new ShapeMismatchException($"labels has {labels.Length} entries but the batch has {batch.Batch} sequences");
        this.ZeroGrad();
        var run = Run(batch);
        var dScores = new float[run.Scores.Output.Length];
        var loss = FastSoftmaxCrossEntropy.LossAndGradient(run.Scores.Output, labels, Classes, dScores);
        int hidden = HiddenSize, b = batch.Batch;
        var dFeatures = new float[b * 2 * hidden];
        Output.Backward(run.Scores, dScores, dFeatures);
        float[] dForwards = new float[batch.Steps * b * hidden], dBackwards = new float[batch.Steps * b * hidden];
        for (var i = 0; i < b; i++)
        {
            var last = ((batch.Lengths[i] - 1) * b + i) * hidden;
            dFeatures.AsSpan(i * 2 * hidden, hidden).CopyTo(dForwards.AsSpan(last, hidden));
            dFeatures.AsSpan(i * 2 * hidden + hidden, hidden).CopyTo(dBackwards.AsSpan(last, hidden));
        }
        Forwards.Backward(run.Forwards, dForwards, []);
        Backwards.Backward(run.Backwards, dBackwards, []);
        FastGradientClipping.ClipGlobalNorm(Parameters(), maxNorm);
        optimizer.Step();
        return loss;
    }

    private (FastGruCache Forwards, FastGruCache Backwards, FastLinearCache Scores) Run(PenBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int b = batch.Batch, hidden = HiddenSize;
        var forwards = Forwards.Forward(batch.X, batch.Steps, b);
        var backwards = Backwards.Forward(batch.Reversed, batch.Steps, b);
        var features = new float[b * 2 * hidden];
        for (var i = 0; i < b; i++)
        {
            var last = ((batch.Lengths[i] - 1) * b + i) * hidden;
            forwards.Output.Span.Slice(last, hidden).CopyTo(features.AsSpan(i * 2 * hidden, hidden));
            backwards.Output.Span.Slice(last, hidden).CopyTo(features.AsSpan(i * 2 * hidden + hidden, hidden));
        }
        return (forwards, backwards, Output.Forward(features, b));
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
            if (scores[i] > scores[best]) best = i;
        return best;
    }
}
