using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Adagrad.</summary>
/// <param name="LearningRate">α in w ← w − α·g / (√G + ε).</param>
/// <param name="Epsilon">ε, keeps the step finite for a weight whose gradients have all been zero so far.</param>
public sealed record AdagradConfig(double LearningRate = 0.1, double Epsilon = 1e-8);

/// <summary>
/// Adagrad (Duchi et al., 2011), the optimizer of Karpathy's min-char-rnn: G ← G + g², w ← w − α·g / (√G + ε).
/// Each weight's step shrinks as its squared gradients add up. G starts at zero, one per parameter.
/// </summary>
public sealed class Adagrad : Optimizer
{
    private readonly StateTable<Matrix<double>> _sumOfSquares = new(ZerosLike);

    public Adagrad(IEnumerable<Parameter> parameters, AdagradConfig? config = null) : base(parameters)
    {
        Config = config ?? new AdagradConfig();
        HyperParameter.Positive(Config.LearningRate, nameof(Config.LearningRate));
        HyperParameter.Positive(Config.Epsilon, nameof(Config.Epsilon));
    }

    public AdagradConfig Config { get; }

    protected override void Update(Parameter p)
    {
        var sumOfSquares = _sumOfSquares.For(p);
        sumOfSquares.Add(p.Grad.PointwisePower(2), sumOfSquares);
        var denominator = sumOfSquares.PointwiseSqrt() + Config.Epsilon;
        p.Value.Subtract(Config.LearningRate * p.Grad.PointwiseDivide(denominator), p.Value);
    }
}
