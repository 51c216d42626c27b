using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What a teacher-forced forward pass computed.</summary>
/// <param name="Loss">Mean cross-entropy per target token (the end token included).</param>
/// <param name="Tokens">Number of target tokens scored: (Ty + 1)·m.</param>
/// <param name="Logits">logits⟨t⟩ (targetVocab, m) for t = 1 … Ty + 1.</param>
/// <param name="Weights">α⟨t⟩ (Tx, m) per output step; empty without attention.</param>
public sealed record Seq2SeqOutput(double Loss, int Tokens, IReadOnlyList<Matrix<double>> Logits, IReadOnlyList<Matrix<double>> Weights);

/// <summary>Everything <see cref="Seq2SeqModel.Backward"/> needs, from encoder to loss.</summary>
public sealed record Seq2SeqCache(
    EncoderCache Encoder, int SourceLength, BridgeCache Bridge, IReadOnlyList<DecoderStepCache> Steps, CrossEntropyResult CrossEntropy, int Batch);

/// <summary>
/// An encoder–decoder (Sutskever et al., Cho et al.) with optional attention (Bahdanau et al.): the
/// <see cref="Encoder"/> reads the source, the <see cref="Decoder"/> writes the target one token at a time.
/// Training uses teacher forcing: the decoder is fed y⟨0⟩ = start, y⟨1⟩ … y⟨Ty⟩ and must predict
/// y⟨1⟩ … y⟨Ty⟩, end. Decoding is greedy (<see cref="Greedy"/>) or by beam search (<see cref="BeamSearch"/>).
/// </summary>
/// <remarks>Sequences are time-major token ids, [T][m]; every example in a batch has the same source length and the same target length.</remarks>
public sealed partial class Seq2SeqModel : IModule
{
    public Seq2SeqModel(Seq2SeqConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        var random = new Random(config.Seed);
        Encoder = new Encoder(config.SourceVocab, config.EmbeddingSize, config.EncoderSize, config.Cell, config.Bidirectional, random);
        Decoder = new Decoder(config, random);
    }

    public Seq2SeqConfig Config { get; }

    public Encoder Encoder { get; }

    public Decoder Decoder { get; }

    public IEnumerable<Parameter> Parameters() => [.. Encoder.Parameters(), .. Decoder.Parameters()];

    /// <summary>Teacher-forced forward pass and loss.</summary>
    /// <param name="source">[Tx][m] source ids.</param>
    /// <param name="target">[Ty][m] target ids without start and end tokens (Ty may be 0).</param>
    public (Seq2SeqOutput Output, Seq2SeqCache Cache) Forward(IReadOnlyList<IReadOnlyList<int>> source, IReadOnlyList<IReadOnlyList<int>> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var batch = RequireBatch(source, "source");
        for (var t = 0; t < target.Count; t++)
            if (target[t].Count != batch)
                throw new ArgumentException($"target step {t} has {target[t].Count} ids but the batch has {batch} examples; every example needs the same target length", nameof(target));

        var (encoded, encoderCache) = Encoder.Forward(source);
        var (state, bridgeCache) = Decoder.Start(encoded.Summary);
        var start = Enumerable.Repeat(Config.StartToken, batch).ToArray();
        var end = Enumerable.Repeat(Config.EndToken, batch).ToArray();
        IReadOnlyList<IReadOnlyList<int>> inputs = [start, .. target];
        IReadOnlyList<IReadOnlyList<int>> expected = [.. target, end];

        var logits = new List<Matrix<double>>(inputs.Count);
        var weights = new List<Matrix<double>>(inputs.Count);
        var steps = new List<DecoderStepCache>(inputs.Count);
        foreach (var previous in inputs)
        {
            var (output, cache) = Decoder.Step(previous, state, encoded);
            state = output.State;
            logits.Add(output.Logits);
            if (output.Weights is not null) weights.Add(output.Weights);
            steps.Add(cache);
        }
        var crossEntropy = SequenceCrossEntropy.Compute(logits, expected);
        return (new Seq2SeqOutput(crossEntropy.Loss, crossEntropy.Tokens, logits, weights),
            new Seq2SeqCache(encoderCache, source.Count, bridgeCache, steps, crossEntropy, batch));
    }

    /// <summary>Backpropagates the loss through decoder, attention, bridge and encoder; adds into every Grad.</summary>
    public void Backward(Seq2SeqCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var dHs = new Matrix<double>?[cache.SourceLength];
        Matrix<double>? dSummary = null;
        var dState = Decoder.Cell.ZeroState(cache.Batch);
        for (var t = cache.Steps.Count - 1; t >= 0; t--)
        {
            var grads = Decoder.StepBackward(cache.CrossEntropy.DLogits[t], dState, cache.Steps[t]);
            dState = grads.DPrevious;
            if (grads.DHs is { } fromAttention)
                for (var i = 0; i < dHs.Length; i++)
                    dHs[i] = dHs[i] is null ? fromAttention[i] : dHs[i] + fromAttention[i];
            if (grads.DSummary is { } fromContext)
                dSummary = dSummary is null ? fromContext : dSummary + fromContext;
        }
        var fromBridge = Decoder.StartBackward(dState, cache.Bridge);
        dSummary = dSummary is null ? fromBridge : dSummary + fromBridge;
        Encoder.Backward(dHs, dSummary, cache.Encoder);
    }

    /// <summary>Forward and backward of one batch, for <see cref="Trainer.Run"/>: returns the loss and token count.</summary>
    public StepResult TrainStep(IReadOnlyList<IReadOnlyList<int>> source, IReadOnlyList<IReadOnlyList<int>> target)
    {
        var (output, cache) = Forward(source, target);
        Backward(cache);
        return new StepResult(output.Loss, output.Tokens);
    }

    private static int RequireBatch(IReadOnlyList<IReadOnlyList<int>> sequence, string what)
    {
        ArgumentNullException.ThrowIfNull(sequence, what);
        if (sequence.Count == 0)
            throw new ArgumentException($"the {what} sequence is empty; it needs at least one token", what);
        var batch = sequence[0].Count;
        for (var t = 1; t < sequence.Count; t++)
            if (sequence[t].Count != batch)
                throw new ArgumentException($"{what} step {t} has {sequence[t].Count} ids but step 0 has {batch}; every example needs the same length", what);
        return batch;
    }

    public override string ToString() => $"Seq2SeqModel({Encoder}, {Decoder})";
}
