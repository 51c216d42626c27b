using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Adam.</summary>
/// <param name="LearningRate">α in w ← w − α·m̂ / (√v̂ + ε).</param>
/// <param name="Beta1">β₁, decay of the running mean of gradients m (the momentum term).</param>
/// <param name="Beta2">β₂, decay of the running mean of squared gradients v (the RMSProp term).</param>
/// <param name="Epsilon">ε, keeps the step finite where v̂ is still zero.</param>
public sealed record AdamConfig(double LearningRate = 0.001, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8);

/// <summary>
/// Adam (Kingma &amp; Ba, 2015): m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², bias-corrected
/// m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), then w ← w − α·m̂ / (√v̂ + ε). One (m, v) pair per parameter.
/// </summary>
public sealed class Adam : Optimizer
{
    private sealed record Moments(Matrix<double> M, Matrix<double> V);

    private readonly StateTable<Moments> _moments = new(p => new Moments(ZerosLike(p), ZerosLike(p)));

    public Adam(IEnumerable<Parameter> parameters, AdamConfig? config = null) : base(parameters)
    {
        Config = config ?? new AdamConfig();
        HyperParameter.Positive(Config.LearningRate, nameof(Config.LearningRate));
        HyperParameter.Decay(Config.Beta1, nameof(Config.Beta1));
        HyperParameter.Decay(Config.Beta2, nameof(Config.Beta2));
        HyperParameter.Positive(Config.Epsilon, nameof(Config.Epsilon));
    }

    public AdamConfig Config { get; }

    protected override void Update(Parameter p)
    {
        var (m, v) = _moments.For(p);
        var g = p.Grad;
        m.Multiply(Config.Beta1, m);
        m.Add((1 - Config.Beta1) * g, m);
        v.Multiply(Config.Beta2, v);
        v.Add((1 - Config.Beta2) * g.PointwisePower(2), v);
        var mHat = m / (1 - Math.Pow(Config.Beta1, StepCount));
        var vHat = v / (1 - Math.Pow(Config.Beta2, StepCount));
        p.Value.Subtract(Config.LearningRate * mHat.PointwiseDivide(vHat.PointwiseSqrt() + Config.Epsilon), p.Value);
    }
}
