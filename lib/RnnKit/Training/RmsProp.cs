using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>RMSProp.</summary>
/// <param name="LearningRate">α in w ← w − α·g / (√s + ε).</param>
/// <param name="Rho">ρ in s ← ρ·s + (1 − ρ)·g²: the decay of the running mean of squared gradients.</param>
/// <param name="Epsilon">ε, keeps the step finite where s is still zero.</param>
public sealed record RmsPropConfig(double LearningRate = 0.01, double Rho = 0.9, double Epsilon = 1e-8);

/// <summary>
/// RMSProp (Hinton's lecture 6e): a running mean of squared gradients s ← ρ·s + (1 − ρ)·g², and the step
/// w ← w − α·g / (√s + ε). Unlike Adagrad, old gradients are forgotten, so the step does not decay to zero.
/// </summary>
public sealed class RmsProp : Optimizer
{
    private readonly StateTable<Matrix<double>> _meanSquare = new(ZerosLike);

    public RmsProp(IEnumerable<Parameter> parameters, RmsPropConfig? config = null) : base(parameters)
    {
        Config = config ?? new RmsPropConfig();
        HyperParameter.Positive(Config.LearningRate, nameof(Config.LearningRate));
        HyperParameter.Decay(Config.Rho, nameof(Config.Rho));
        HyperParameter.Positive(Config.Epsilon, nameof(Config.Epsilon));
    }

    public RmsPropConfig Config { get; }

    protected override void Update(Parameter p)
    {
        var s = _meanSquare.For(p);
        s.Multiply(Config.Rho, s);
        s.Add((1 - Config.Rho) * p.Grad.PointwisePower(2), s);
        var denominator = s.PointwiseSqrt() + Config.Epsilon;
        p.Value.Subtract(Config.LearningRate * p.Grad.PointwiseDivide(denominator), p.Value);
    }
}
