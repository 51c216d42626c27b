using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Heavy-ball momentum.</summary>
/// <param name="LearningRate">α in w ← w − α·v.</param>
/// <param name="Beta">μ in v ← μ·v + g: how much of the previous velocity is kept (0 gives plain SGD).</param>
public sealed record MomentumConfig(double LearningRate = 0.05, double Beta = 0.9);

/// <summary>
/// Polyak momentum, in the form PyTorch uses: v ← μ·v + g, then w ← w − α·v. The velocity v starts at zero;
/// one per parameter.
/// </summary>
public sealed class Momentum : Optimizer
{
    private readonly StateTable<Matrix<double>> _velocity = new(ZerosLike);

    public Momentum(IEnumerable<Parameter> parameters, MomentumConfig? config = null) : base(parameters)
    {
        Config = config ?? new MomentumConfig();
        HyperParameter.Positive(Config.LearningRate, nameof(Config.LearningRate));
        HyperParameter.Decay(Config.Beta, nameof(Config.Beta));
    }

    public MomentumConfig Config { get; }

    protected override void Update(Parameter p)
    {
        var v = _velocity.For(p);
        v.Multiply(Config.Beta, v);
        v.Add(p.Grad, v);
        p.Value.Subtract(Config.LearningRate * v, p.Value);
    }
}
