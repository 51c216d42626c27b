namespace RnnKit;

/// <summary>Plain stochastic gradient descent.</summary>
/// <param name="LearningRate">α in w ← w − α·g.</param>
public sealed record SgdConfig(double LearningRate = 0.1);

/// <summary>w ← w − α·g. No state.</summary>
public sealed class Sgd : Optimizer
{
    public Sgd(IEnumerable<Parameter> parameters, SgdConfig? config = null) : base(parameters)
    {
        Config = config ?? new SgdConfig();
        HyperParameter.Positive(Config.LearningRate, nameof(Config.LearningRate));
    }

    public SgdConfig Config { get; }

    protected override void Update(Parameter p) => p.Value.Subtract(Config.LearningRate * p.Grad, p.Value);
}
