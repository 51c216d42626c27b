using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Settings of <see cref="HessianFree"/>; the defaults are Martens' (2010).</summary>
/// <param name="InitialDamping">λ at the start.</param>
/// <param name="Cg">How long each inner conjugate-gradient run may go.</param>
/// <param name="WarmStart">CG starts from this times the previous step (0 starts from zero each time).</param>
/// <param name="Increase">λ ← λ·Increase when the model over-promised (ρ &lt; 1/4).</param>
/// <param name="Decrease">λ ← λ·Decrease when the model was good (ρ &gt; 3/4).</param>
public sealed record HessianFreeConfig(
    double InitialDamping = 1.0,
    ConjugateGradientOptions? Cg = null,
    double WarmStart = 0.95,
    double Increase = 1.5,
    double Decrease = 2.0 / 3.0);

/// <summary>One outer iteration of <see cref="HessianFree"/>.</summary>
/// <param name="Loss">L before the step.</param>
/// <param name="NewLoss">L after it (the same as Loss when it was rejected).</param>
/// <param name="Reduction">ρ = (L(θ + d) − L(θ)) / (q(d) − q(0)): actual over predicted decrease.</param>
/// <param name="Damping">λ used in this step.</param>
/// <param name="CgIterations">Gauss–Newton products CG took.</param>
/// <param name="Accepted">False when the loss went up and the step was undone.</param>
public sealed record HessianFreeStep(double Loss, double NewLoss, double Reduction, double Damping, int CgIterations, bool Accepted);

/// <summary>
/// Hessian-free optimisation (无Hessian优化; Martens 2010, Martens &amp; Sutskever 2011): at θ, minimise the damped
/// quadratic model q(d) = L + gᵀd + ½dᵀ(G + λI)d with conjugate gradient, using only Gauss–Newton-vector products
/// (the matrix G is never formed), take θ ← θ + d if L fell, and adjust λ by the Levenberg–Marquardt rule from
/// ρ = actual / predicted decrease. Counts its work in gradient-sized passes, so it can be compared with SGD fairly.
/// </summary>
public sealed class HessianFree
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly Func<double> _loss;
    private readonly Func<double> _lossAndGradient;
    private readonly Func<Func<Vector<double>, Vector<double>>> _curvature;
    private Vector<double>? _previous;

    /// <param name="parameters">θ, updated in place.</param>
    /// <param name="loss">L(θ), forward only.</param>
    /// <param name="lossAndGradient">L(θ), adding ∂L/∂θ into the (zeroed) Grads.</param>
    /// <param name="curvature">At the current θ, the product v ↦ G·v (e.g. <c>() =&gt; model.Curvature(batch).Apply</c>).</param>
    /// <param name="config">Null for Martens' defaults.</param>
    public HessianFree(IEnumerable<Parameter> parameters, Func<double> loss, Func<double> lossAndGradient,
        Func<Func<Vector<double>, Vector<double>>> curvature, HessianFreeConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToList();
        _loss = loss ?? throw new ArgumentNullException(nameof(loss));
        _lossAndGradient = lossAndGradient ?? throw new ArgumentNullException(nameof(lossAndGradient));
        _curvature = curvature ?? throw new ArgumentNullException(nameof(curvature));
        Config = config ?? new HessianFreeConfig();
        Damping = HyperParameter.Positive(Config.InitialDamping, nameof(Config.InitialDamping));
        HyperParameter.Decay(Config.WarmStart, nameof(Config.WarmStart));
        if (!(Config.Increase > 1) || !(Config.Decrease is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(config), $"Increase must be > 1 and Decrease in (0, 1), not {Config.Increase} and {Config.Decrease}");
    }

    public HessianFreeConfig Config { get; }

    /// <summary>λ for the next step.</summary>
    public double Damping { get; private set; }

    /// <summary>Gradients plus Gauss–Newton products so far: each is one forward and one backward pass.</summary>
    public int GradientEvaluations { get; private set; }

    /// <summary>Forward-only loss evaluations so far (about half a gradient each).</summary>
    public int LossEvaluations { get; private set; }

    /// <summary>One outer iteration: gradient, CG on the damped model, try the step, adjust λ.</summary>
    public HessianFreeStep Step()
    {
        foreach (var p in _parameters) p.ZeroGrad();
        var loss = _lossAndGradient();
        GradientEvaluations++;
        var g = ParameterVector.Grads(_parameters);
        var product = _curvature();
        var lambda = Damping;
        var damped = ConjugateGradient.Damped(v =>
        {
            GradientEvaluations++;
            return product(v);
        }, lambda);
        var start = _previous is null || Config.WarmStart == 0 ? null : Config.WarmStart * _previous;
        var cg = ConjugateGradient.Solve(damped, -g, start, Config.Cg);
        var d = cg.X;
        var theta = ParameterVector.Values(_parameters);
        ParameterVector.Add(_parameters, d);
        var newLoss = _loss();
        LossEvaluations++;
        // cg.Objective = q(d) − q(0) = gᵀd + ½dᵀ(G + λI)d, negative when CG made progress
        var rho = (newLoss - loss) / cg.Objective;
        if (rho < 0.25 || !double.IsFinite(rho)) Damping *= Config.Increase;
        else if (rho > 0.75) Damping *= Config.Decrease;
        var accepted = double.IsFinite(newLoss) && newLoss < loss;
        if (accepted)
        {
            _previous = d;
            return new HessianFreeStep(loss, newLoss, rho, lambda, cg.Iterations, true);
        }
        ParameterVector.SetValues(_parameters, theta);
        _previous = null;
        return new HessianFreeStep(loss, loss, rho, lambda, cg.Iterations, false);
    }
}
