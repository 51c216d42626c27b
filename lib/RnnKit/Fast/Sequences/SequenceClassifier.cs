namespace RnnKit.Fast;

/// <summary>What one forward pass of a <see cref="SequenceClassifier"/> computed.</summary>
/// <param name="Embedding">The embedded tokens, or null for feature inputs.</param>
/// <param name="Encoder">The recurrent layers' states and caches.</param>
/// <param name="Pooled">One vector per sequence (B, F).</param>
/// <param name="Scores">The output layer's cache; its Output is the scores (B, classes).</param>
public sealed record SequenceClassifierRun(FastEmbeddingCache? Embedding, RecurrentEncoderRun Encoder, float[] Pooled, FastLinearCache Scores);

/// <summary>
/// Many to one (多对一): a recurrent reader (embedding, one or more recurrent layers, optionally bidirectional)
/// turns a whole sequence into one vector — its last state or the mean of its states — and a linear layer with a
/// softmax names its class, ŷ = softmax(W_y h + b_y). Trained by cross-entropy with Adam; float32, the fast layer.
/// </summary>
public sealed class SequenceClassifier : IFastModule
{
    public SequenceClassifier(SequenceClassifierConfig config, Random random)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(config.Classes, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(config.Vocabulary);
        Config = config;
        Embedding = config.Vocabulary > 0 ? new FastEmbedding(config.Vocabulary, config.InputSize, random) : null;
        Encoder = new RecurrentEncoder(config.InputSize, config.HiddenSize, config.Layers, config.Bidirectional, config.Cell, random);
        Output = new FastLinear(Encoder.OutputSize, config.Classes, random);
    }

    public SequenceClassifierConfig Config { get; }

    /// <summary>Null when the inputs are feature vectors.</summary>
    public FastEmbedding? Embedding { get; }

    public RecurrentEncoder Encoder { get; }

    /// <summary>Pooled state (B, F) → scores (B, classes).</summary>
    public FastLinear Output { get; }

    public int Classes => Output.OutputSize;

    public IEnumerable<FastParameter> Parameters() =>
        [.. Embedding?.Parameters() ?? [], .. Encoder.Parameters(), .. Output.Parameters()];

    /// <summary>The forward pass over a batch.</summary>
    public SequenceClassifierRun Forward(SequenceBatch batch)
    {
        var (embedded, x) = Inputs(batch);
        var encoded = Encoder.Forward(x, batch.Steps, batch.Lengths);
        var pooled = Encoder.Pool(encoded, Config.Pooling);
        return new SequenceClassifierRun(embedded, encoded, pooled, Output.Forward(pooled, batch.Batch));
    }

    /// <summary>P(class | sequence), (B, classes) row-major.</summary>
    public float[] Probabilities(SequenceBatch batch)
    {
        var scores = Forward(batch).Scores.Output;
        for (var b = 0; b < batch.Batch; b++)
            Softmax(scores.AsSpan(b * Classes, Classes));
        return scores;
    }

    /// <summary>The most probable class of each sequence.</summary>
    public int[] Predict(SequenceBatch batch)
    {
        var p = Probabilities(batch);
        return [.. Enumerable.Range(0, batch.Batch).Select(b => ArgMax(p.AsSpan(b * Classes, Classes)))];
    }

    /// <summary>
    /// What the output layer reads from the state at every position, P(class | x⟨1⟩ … x⟨t⟩) as (T, B, classes): for
    /// a uni-directional reader with last-state pooling, the answer it would give if the sequence stopped at t.
    /// Positions past a sequence's end are zero.
    /// </summary>
    public float[] ProbabilitiesAtEveryStep(SequenceBatch batch)
    {
        var run = Forward(batch);
        var rows = batch.Steps * batch.Batch;
        var states = run.Encoder.Output;
        var scores = Output.Forward(states, rows).Output;
        for (var t = 0; t < batch.Steps; t++)
            for (var b = 0; b < batch.Batch; b++)
            {
                var row = scores.AsSpan((t * batch.Batch + b) * Classes, Classes);
                if (batch.IsInside(t, b)) Softmax(row);
                else row.Clear();
            }
        return scores;
    }

    /// <summary>Mean cross-entropy over the batch, and its gradient added into every parameter's Grad.</summary>
    /// <param name="batch">The sequences.</param>
    /// <param name="labels">One class per sequence.</param>
    public float LossAndGradients(SequenceBatch batch, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != batch.Batch)
            throw new ShapeMismatchException($"labels has {labels.Length} entries but the batch has {batch.Batch} sequences");
        var run = Forward(batch);
        var dScores = new float[run.Scores.Output.Length];
        var loss = FastSoftmaxCrossEntropy.LossAndGradient(run.Scores.Output, labels, Classes, dScores);
        var dPooled = new float[run.Pooled.Length];
        Output.Backward(run.Scores, dScores, dPooled);
        var dStates = Encoder.PoolBackward(run.Encoder, Config.Pooling, dPooled);
        if (run.Embedding is null)
        {
            Encoder.Backward(run.Encoder, dStates, []);
            return loss;
        }
        var dEmbedded = new float[run.Embedding.Output.Length];
        Encoder.Backward(run.Encoder, dStates, dEmbedded);
        Embedding!.Backward(run.Embedding, dEmbedded);
        return loss;
    }

    /// <summary>One step of training: zero the gradients, backward, clip the global norm, an Adam update.</summary>
    /// <returns>The loss before the update.</returns>
    public float TrainStep(SequenceBatch batch, int[] labels, FastAdam optimizer, float maxNorm = 5)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.ZeroGrad();
        var loss = LossAndGradients(batch, labels);
        FastGradientClipping.ClipGlobalNorm(Parameters(), maxNorm);
        optimizer.Step();
        return loss;
    }

    private (FastEmbeddingCache? Embedded, ReadOnlyMemory<float> X) Inputs(SequenceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Embedding is not null)
        {
            if (batch.Tokens is null)
                throw new ArgumentException("this classifier embeds token ids, but the batch holds feature vectors", nameof(batch));
            var embedded = Embedding.Forward(batch.Tokens);
            return (embedded, embedded.Output);
        }
        if (batch.Features is null || batch.FeatureSize != Encoder.InputSize)
            throw new ArgumentException($"this classifier reads feature vectors of size {Encoder.InputSize}, but the batch holds " +
                                        (batch.Features is null ? "token ids" : $"vectors of size {batch.FeatureSize}"), nameof(batch));
        return (null, batch.Features);
    }

    internal static void Softmax(Span<float> row)
    {
        var max = float.NegativeInfinity;
        foreach (var v in row) max = MathF.Max(max, v);
        var sum = 0f;
        for (var k = 0; k < row.Length; k++) sum += row[k] = MathF.Exp(row[k] - max);
        for (var k = 0; k < row.Length; k++) row[k] /= sum;
    }

    internal static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    public override string ToString() => $"SequenceClassifier({Encoder}, {Config.Pooling} → {Classes} classes)";
}
