namespace RnnKit.Fast;

/// <summary>What one training step measured.</summary>
/// <param name="Loss">Mean cross-entropy before the update.</param>
/// <param name="GradientNorm">Global gradient norm before clipping.</param>
public readonly record struct TrainStepResult(float Loss, float GradientNorm);

/// <summary>
/// One training step of a <see cref="FastLanguageModel"/>: forward → softmax cross-entropy → backward → clip by
/// global norm → Adam. It keeps the last step's caches only to reuse their buffers, so steps allocate nothing.
/// </summary>
public sealed class FastTrainer
{
    /// <summary>Clip threshold of the course's training loops (and of the benchmark).</summary>
    public const float DefaultClipNorm = 5f;

    private readonly FastParameter[] _parameters;
    private FastLanguageModelCache? _cache;
    private FastLanguageModel.BackwardBuffers? _buffers;

    public FastTrainer(FastLanguageModel model, FastAdamConfig? adam = null, float clipNorm = DefaultClipNorm)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _parameters = [.. model.Parameters()];
        Optimizer = new FastAdam(_parameters, adam);
        ClipNorm = clipNorm;
    }

    public FastLanguageModel Model { get; }

    public FastAdam Optimizer { get; }

    public float ClipNorm { get; }

    /// <summary>Trains on inputs (T, B) predicting targets (T, B) (usually the inputs shifted by one).</summary>
    public TrainStepResult Step(int[] inputs, int[] targets, int steps, int batch)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != steps * batch)
            throw new ShapeMismatchException($"targets must have shape (T, B) = ({steps}, {batch}) = {steps * batch} ids but has {targets.Length}");
        // The whole step, softmax and optimizer included, runs on the threads the model chooses for its size.
        using var threads = Model.ChooseThreads(batch);
        foreach (var p in _parameters) p.ZeroGrad();
        _cache = Model.Forward(inputs, steps, batch, _cache);
        // The logits are not needed after the loss, so their buffer receives ∂L/∂logits.
        var logits = _cache.Logits;
        var loss = FastSoftmaxCrossEntropy.LossAndGradient(logits, targets, Model.Config.Vocabulary, logits);
        _buffers = Model.Backward(_cache, logits, _buffers);
        var norm = FastGradientClipping.ClipGlobalNorm(_parameters, ClipNorm);
        Optimizer.Step();
        return new TrainStepResult(loss, norm);
    }
}
