namespace RnnKit.Fast;

/// <summary>
/// Many to many, one label per position (N:N, 序列标注): a recurrent reader — one or more layers, optionally
/// bidirectional — and a linear layer with a softmax at every position, ŷ⟨t⟩ = softmax(W_y h⟨t⟩ + b_y), where h⟨t⟩ is
/// the top layer's state, [h→⟨t⟩; h←⟨t⟩] when bidirectional. The loss is the mean cross-entropy over the positions
/// inside the sequences; the padding is never scored. Inputs are feature vectors (T, B, I) or token ids.
/// </summary>
public sealed class SequenceTagger : IFastModule
{
    /// <param name="vocabulary">Token ids are embedded when ≥ 1; 0 for feature inputs of <paramref name="inputSize"/>.</param>
    /// <param name="inputSize">The embedding size (tokens) or the feature size.</param>
    /// <param name="hiddenSize">H per direction and layer.</param>
    /// <param name="tags">How many labels.</param>
    /// <param name="layers">Stacked recurrent layers.</param>
    /// <param name="bidirectional">Whether every layer reads both ways.</param>
    /// <param name="cell">LSTM, GRU or tanh RNN.</param>
    /// <param name="random">Initial weights.</param>
    public SequenceTagger(int vocabulary, int inputSize, int hiddenSize, int tags, int layers, bool bidirectional, CellKind cell, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(tags, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(vocabulary);
        Embedding = vocabulary > 0 ? new FastEmbedding(vocabulary, inputSize, random) : null;
        Encoder = new RecurrentEncoder(inputSize, hiddenSize, layers, bidirectional, cell, random);
        Output = new FastLinear(Encoder.OutputSize, tags, random);
    }

    /// <summary>Null for feature inputs.</summary>
    public FastEmbedding? Embedding { get; }

    public RecurrentEncoder Encoder { get; }

    /// <summary>h⟨t⟩ (F) → scores of every tag.</summary>
    public FastLinear Output { get; }

    public int Tags => Output.OutputSize;

    public IEnumerable<FastParameter> Parameters() => [.. Embedding?.Parameters() ?? [], .. Encoder.Parameters(), .. Output.Parameters()];

    /// <summary>The most probable tag at every position, per sequence (each as long as its sequence).</summary>
    public int[][] Predict(SequenceBatch batch)
    {
        var (_, run) = Run(batch);
        var scores = Output.Forward(run.Output, batch.Steps * batch.Batch).Output;
        return [.. Enumerable.Range(0, batch.Batch).Select(b => Enumerable.Range(0, batch.Lengths[b])
            .Select(t => SequenceClassifier.ArgMax(scores.AsSpan((t * batch.Batch + b) * Tags, Tags))).ToArray())];
    }

    /// <summary>Mean cross-entropy over the positions inside the sequences, and its gradient added into every Grad.</summary>
    /// <param name="batch">The sequences.</param>
    /// <param name="tags">Per sequence, one tag per position.</param>
    public float LossAndGradients(SequenceBatch batch, IReadOnlyList<IReadOnlyList<int>> tags) => Loss(batch, tags, backward: true);

    /// <summary>The mean cross-entropy, without gradients.</summary>
    public float Loss(SequenceBatch batch, IReadOnlyList<IReadOnlyList<int>> tags) => Loss(batch, tags, backward: false);

    /// <summary>One step of training: zero the gradients, backward, clip the global norm, an Adam update.</summary>
    public float TrainStep(SequenceBatch batch, IReadOnlyList<IReadOnlyList<int>> tags, FastAdam optimizer, float maxNorm = 5)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.ZeroGrad();
        var loss = LossAndGradients(batch, tags);
        FastGradientClipping.ClipGlobalNorm(Parameters(), maxNorm);
        optimizer.Step();
        return loss;
    }

    private float Loss(SequenceBatch batch, IReadOnlyList<IReadOnlyList<int>> tags, bool backward)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var (embedded, run) = Run(batch);
        int f = Encoder.OutputSize, b = batch.Batch;
        if (tags.Count != b)
            throw new ShapeMismatchException($"tags has {tags.Count} sequences but the batch has {b}");
        var rows = new List<int>();
        var targets = new List<int>();
        for (var s = 0; s < b; s++)
        {
            if (tags[s].Count != batch.Lengths[s])
                throw new ShapeMismatchException($"sequence {s} has {batch.Lengths[s]} positions but {tags[s].Count} tags");
            for (var t = 0; t < batch.Lengths[s]; t++)
            {
                rows.Add(t * b + s);
                targets.Add(tags[s][t]);
            }
        }
        var picked = new float[rows.Count * f];
        for (var n = 0; n < rows.Count; n++)
            run.Output.AsSpan(rows[n] * f, f).CopyTo(picked.AsSpan(n * f, f));
        var scores = Output.Forward(picked, rows.Count);
        var dScores = new float[scores.Output.Length];
        var loss = FastSoftmaxCrossEntropy.LossAndGradient(scores.Output, targets.ToArray(), Tags, dScores);
        if (!backward)
            return loss;
        var dPicked = new float[picked.Length];
        Output.Backward(scores, dScores, dPicked);
        var dStates = new float[run.Output.Length];
        for (var n = 0; n < rows.Count; n++)
            dPicked.AsSpan(n * f, f).CopyTo(dStates.AsSpan(rows[n] * f, f));
        if (embedded is null)
            Encoder.Backward(run, dStates, []);
        else
        {
            var dEmbedded = new float[embedded.Output.Length];
            Encoder.Backward(run, dStates, dEmbedded);
            Embedding!.Backward(embedded, dEmbedded);
        }
        return loss;
    }

    private (FastEmbeddingCache? Embedded, RecurrentEncoderRun Run) Run(SequenceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Embedding is not null)
        {
            if (batch.Tokens is null)
                throw new ArgumentException("this tagger embeds token ids, but the batch holds feature vectors", nameof(batch));
            var embedded = Embedding.Forward(batch.Tokens);
            return (embedded, Encoder.Forward(embedded.Output, batch.Steps, batch.Lengths));
        }
        if (batch.Features is null || batch.FeatureSize != Encoder.InputSize)
            throw new ArgumentException($"this tagger reads feature vectors of size {Encoder.InputSize}, but the batch holds " +
                                        (batch.Features is null ? "token ids" : $"vectors of size {batch.FeatureSize}"), nameof(batch));
        return (null, Encoder.Forward(batch.Features, batch.Steps, batch.Lengths));
    }

    public override string ToString() => $"SequenceTagger({Encoder} → {Tags} tags)";
}
