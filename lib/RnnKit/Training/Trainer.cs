namespace RnnKit;

/// <summary>
/// The training loop every lesson repeats, written once: zero the gradients, run the caller's forward and
/// backward pass, clip, update, record the loss, report progress.
/// </summary>
/// <remarks>
/// The caller's step function owns the model and the data: given the step number it computes the loss of one
/// batch and accumulates ∂L/∂w into the parameters' <see cref="Parameter.Grad"/> (e.g. by calling the model's
/// backward pass). The trainer owns everything that is the same for every model.
/// </remarks>
public sealed class Trainer
{
    private readonly List<double> _lossHistory = [];
    private readonly List<double> _gradientNormHistory = [];
    private readonly TimeProvider _time;

    public Trainer(Optimizer optimizer, TrainerConfig? config = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        Config = config ?? new TrainerConfig();
        if (Config.Steps < 0)
            throw new ArgumentOutOfRangeException(nameof(config), Config.Steps, $"{nameof(TrainerConfig.Steps)} must be ≥ 0 but is {Config.Steps}");
        if (Config.ReportEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(config), Config.ReportEvery, $"{nameof(TrainerConfig.ReportEvery)} must be ≥ 1 but is {Config.ReportEvery}");
        if (Config.ClipNorm is { } clip)
            HyperParameter.Positive(clip, nameof(TrainerConfig.ClipNorm));
        HyperParameter.Decay(Config.LossSmoothing, nameof(TrainerConfig.LossSmoothing));
        _time = time ?? TimeProvider.System;
    }

    public Optimizer Optimizer { get; }

    public TrainerConfig Config { get; }

    /// <summary>Loss of every step so far, across calls to <see cref="Run"/> (for loss-curve plots).</summary>
    public IReadOnlyList<double> LossHistory => _lossHistory;

    /// <summary>Global gradient norm of every step so far, before clipping.</summary>
    public IReadOnlyList<double> GradientNormHistory => _gradientNormHistory;

    /// <summary>
    /// Runs <see cref="TrainerConfig.Steps"/> steps. <paramref name="step"/> gets the step number (0-based) and must
    /// fill the parameters' gradients and return the batch's loss. Returns the last progress report.
    /// </summary>
    /// <exception cref="InvalidOperationException">The loss or the gradient norm is NaN or infinite (names the step).</exception>
    public TrainingProgress Run(Func<int, StepResult> step, Action<TrainingProgress>? onProgress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var start = _time.GetTimestamp();
        var tokens = 0L;
        var smoothed = double.NaN;
        var last = new TrainingProgress(0, Config.Steps, double.NaN, double.NaN, double.NaN, 0, TimeSpan.Zero, TimeSpan.Zero);
        for (var i = 0; i < Config.Steps; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            Optimizer.ZeroGrad();
            var result = step(i);
            var norm = Config.ClipNorm is { } clip
                ? GradientClipping.ClipByGlobalNorm(Optimizer.Parameters, clip)
                : GradientClipping.GlobalNorm(Optimizer.Parameters);
            if (!double.IsFinite(result.Loss) || !double.IsFinite(norm))
                throw new InvalidOperationException(
                    $"training diverged at step {i + 1}: loss {result.Loss}, gradient norm {norm}; lower the learning rate or clip the gradients");
            Optimizer.Step();

            tokens += result.Tokens;
            smoothed = double.IsNaN(smoothed) ? result.Loss : Config.LossSmoothing * smoothed + (1 - Config.LossSmoothing) * result.Loss;
            _lossHistory.Add(result.Loss);
            _gradientNormHistory.Add(norm);

            var done = i + 1;
            if (done % Config.ReportEvery != 0 && done != Config.Steps)
                continue;
            var elapsed = _time.GetElapsedTime(start);
            var seconds = elapsed.TotalSeconds;
            var eta = TimeSpan.FromSeconds(seconds / done * (Config.Steps - done));
            last = new TrainingProgress(done, Config.Steps, result.Loss, smoothed, norm,
                seconds > 0 ? tokens / seconds : 0, elapsed, eta);
            onProgress?.Invoke(last);
        }
        return last;
    }
}
