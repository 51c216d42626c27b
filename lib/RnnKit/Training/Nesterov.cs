using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Nesterov accelerated gradient.</summary>
/// <param name="LearningRate">α in the update w ← w − α·(g + μ·v).</param>
/// <param name="Beta">μ, the momentum kept from the previous velocity.</param>
public sealed record NesterovConfig(double LearningRate = 0.05, double Beta = 0.9);

/// <summary>
/// Nesterov momentum (NAG) in the "look-ahead" form of Sutskever et al. (2013), as PyTorch writes it:
/// v ← μ·v + g, then w ← w − α·(g + μ·v). The gradient is taken at the current weights, and the step goes
/// further along the updated velocity, which is the same as evaluating the gradient at the look-ahead point.
/// </summary>
public sealed class Nesterov : Optimizer
{
    private readonly StateTable<Matrix<double>> _velocity = new(ZerosLike);

    public Nesterov(IEnumerable<Parameter> parameters, NesterovConfig? config = null) : base(parameters)
    {
        Config = config ?? new NesterovConfig();
        HyperParameter.Positive(Config.LearningRate, nameof(Config.LearningRate));
        HyperParameter.Decay(Config.Beta, nameof(Config.Beta));
    }

    public NesterovConfig Config { get; }

    protected override void Update(Parameter p)
    {
        var v = _velocity.For(p);
        v.Multiply(Config.Beta, v);
        v.Add(p.Grad, v);
        var step = p.Grad + Config.Beta * v;
        p.Value.Subtract(Config.LearningRate * step, p.Value);
    }
}
