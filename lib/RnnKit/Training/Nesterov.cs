using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Nesterov accelerated gradient.</summary>
/// <param name="LearningRate">α in the update w ← w − α·(g + μ·v).</param>
/// <param name="Beta">μ, the momentum kept from the previous velocity.</param>
/// <param name="Schedule">If set, μ changes with the step (<see cref="MomentumSchedule"/>) and <paramref name="Beta"/> is not used.</param>
public sealed record NesterovConfig(double LearningRate = 0.05, double Beta = 0.9, MomentumSchedule? Schedule = null);

/// <summary>
/// Nesterov momentum (NAG) in the "look-ahead" form of Sutskever et al. (2013), as PyTorch writes it:
/// v ← μ·v + g, then w ← w − α·(g + μ·v). The gradient is taken at the current weights, and the step goes
/// further along the updated velocity, which is the same as evaluating the gradient at the look-ahead point.
/// With a momentum schedule, step t (0-based) uses μₜ in the velocity and μₜ₊₁ in the look-ahead,
/// v ← μₜ·v + g, w ← w − α·(g + μₜ₊₁·v): then w is exactly the look-ahead point θ + μ·v of Sutskever's form
/// v ← μₜ·v − α·∇f(θ + μₜ·v), θ ← θ + v.
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

    /// <summary>μ of the 0-based step <paramref name="t"/>: the schedule's, or the fixed Beta.</summary>
    public double MomentumAt(int t) => Config.Schedule?.At(t) ?? Config.Beta;

    protected override void Update(Parameter p)
    {
        var v = _velocity.For(p);
        var t = StepCount - 1;
        v.Multiply(MomentumAt(t), v);
        v.Add(p.Grad, v);
        var step = p.Grad + MomentumAt(t + 1) * v;
        p.Value.Subtract(Config.LearningRate * step, p.Value);
    }
}
