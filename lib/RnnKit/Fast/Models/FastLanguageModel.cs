namespace RnnKit.Fast;

/// <summary>Everything one forward pass of the language model remembers; logits (T·B, V).</summary>
public sealed record FastLanguageModelCache(int Steps, int Batch, FastEmbeddingCache Embedding, FastRecurrentCache Recurrent, FastLinearCache Linear)
{
    /// <summary>z (T·B, V): row t·B + b scores the token after input (t, b).</summary>
    public float[] Logits => Linear.Output;
}

/// <summary>
/// Embedding → recurrent layer → linear over all T·B positions, in float32 with the fast kernels. Inputs are token
/// ids laid out (T, B): position t·B + b is step t of sequence b.
/// </summary>
public sealed class FastLanguageModel : IFastModule
{
    public FastLanguageModel(FastLanguageModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Vocabulary < 1) throw new ArgumentOutOfRangeException(nameof(config), $"Vocabulary must be at least 1, got {config.Vocabulary}");
        if (config.HiddenSize < 1) throw new ArgumentOutOfRangeException(nameof(config), $"HiddenSize must be at least 1, got {config.HiddenSize}");
        Config = config;
        var random = new Random(config.Seed);
        int v = config.Vocabulary, h = config.HiddenSize;
        Embedding = new FastEmbedding(v, h, random);
        Recurrent = config.Cell switch
        {
            CellKind.Lstm => new FastLstm(h, h, random),
            CellKind.Gru => new FastGru(h, h, random),
            CellKind.RnnTanh => new FastRnn(h, h, random),
            _ => throw new ArgumentException($"the fast layer has no {config.Cell.Name()} cell; expected one of {string.Join(", ", FastLanguageModelConfig.Cells.Select(CellKinds.Name))}", nameof(config)),
        };
        Output = new FastLinear(h, v, random);
    }

    public FastLanguageModelConfig Config { get; }

    public FastEmbedding Embedding { get; }

    public IFastRecurrentLayer Recurrent { get; }

    public FastLinear Output { get; }

    public IEnumerable<FastParameter> Parameters() => [.. Embedding.Parameters(), .. Recurrent.Parameters(), .. Output.Parameters()];

    /// <summary>Forward over inputs (T, B) from a zero state; <paramref name="reuse"/> lends its buffers.</summary>
    public FastLanguageModelCache Forward(int[] inputs, int steps, int batch, FastLanguageModelCache? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length != steps * batch)
            throw new ShapeMismatchException($"inputs must have shape (T, B) = ({steps}, {batch}) = {steps * batch} ids but has {inputs.Length}");
        using var threads = ChooseThreads(batch);
        var embedding = Embedding.Forward(inputs, reuse?.Embedding);
        var recurrent = Recurrent.Forward(embedding.Output, steps, batch, initial: null, reuse?.Recurrent);
        var linear = Output.Forward(recurrent.Output, steps * batch, reuse?.Linear);
        return new FastLanguageModelCache(steps, batch, embedding, recurrent, linear);
    }

    /// <summary>Backward from ∂L/∂logits (T·B, V): accumulates every parameter's Grad.</summary>
    /// <param name="cache">From <see cref="Forward"/>.</param>
    /// <param name="dLogits">(T·B, V).</param>
    /// <param name="scratch">Optional buffers from an earlier call, returned for the next one.</param>
    public BackwardBuffers Backward(FastLanguageModelCache cache, ReadOnlySpan<float> dLogits, BackwardBuffers? scratch = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var rows = cache.Steps * cache.Batch;
        var h = Config.HiddenSize;
        using var threads = ChooseThreads(cache.Batch);
        var buffers = scratch is not null && scratch.DHidden.Length == rows * h ? scratch : new BackwardBuffers(new float[rows * h], new float[rows * h]);
        Output.Backward(cache.Linear, dLogits, buffers.DHidden);
        Recurrent.Backward(cache.Recurrent, buffers.DHidden, buffers.DEmbedding);
        Embedding.Backward(cache.Embedding, buffers.DEmbedding);
        return buffers;
    }

    /// <summary>The threads of a pass over <paramref name="batch"/> sequences, chosen from the whole model's work.</summary>
    internal Parallelism.Scope ChooseThreads(int batch) =>
        Parallelism.Choose(batch, Config.HiddenSize, Recurrent.Weights.GateWidth, Config.Vocabulary);

    /// <summary>∂L/∂(recurrent outputs) and ∂L/∂(embeddings), both (T·B, H); reused between steps.</summary>
    public sealed record BackwardBuffers(float[] DHidden, float[] DEmbedding);
}
