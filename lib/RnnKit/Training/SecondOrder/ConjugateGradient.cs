using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Where conjugate gradient is after some iterations.</summary>
/// <param name="X">The current solution x.</param>
/// <param name="R">The residual r = b − A·x.</param>
/// <param name="P">The next search direction.</param>
/// <param name="Iteration">Iterations done (products A·p taken).</param>
public sealed record CgState(Vector<double> X, Vector<double> R, Vector<double> P, int Iteration)
{
    /// <summary>φ(x) = ½·xᵀA x − bᵀx = −½·xᵀ(b + r), the quadratic CG minimises, without another product.</summary>
    public double Objective(Vector<double> b) => -0.5 * X.DotProduct(b + R);
}

/// <summary>When to stop conjugate gradient.</summary>
/// <param name="MaxIterations">At most this many products A·p.</param>
/// <param name="Tolerance">Stop when ‖r‖ ≤ Tolerance·‖b‖.</param>
/// <param name="ProgressTolerance">
/// ε of Martens' (2010) rule: at iteration i, with k = max(10, ⌈i/10⌉), stop when φ has fallen by less than a share
/// k·ε of itself over the last k iterations; 0 turns the rule off.
/// </param>
public sealed record ConjugateGradientOptions(int MaxIterations = 50, double Tolerance = 1e-10, double ProgressTolerance = 5e-4);

/// <summary>The result of <see cref="ConjugateGradient.Solve"/>.</summary>
/// <param name="X">The solution found.</param>
/// <param name="Iterations">Products A·p taken.</param>
/// <param name="Objectives">φ(x) after each iteration (index 0: the start).</param>
/// <param name="ResidualNorms">‖r‖ after each iteration (index 0: the start).</param>
public sealed record ConjugateGradientResult(Vector<double> X, int Iterations, IReadOnlyList<double> Objectives, IReadOnlyList<double> ResidualNorms)
{
    /// <summary>φ at the solution: ½xᵀAx − bᵀx (negative when CG made progress from 0).</summary>
    public double Objective => Objectives[^1];
}

/// <summary>
/// Conjugate gradient (共轭梯度, Hestenes &amp; Stiefel 1952) for A·x = b with A symmetric positive definite, given
/// only the product v ↦ A·v — the form Hessian-free optimisation needs, where A is a damped Gauss–Newton matrix that is
/// never built. Each iteration minimises φ(x) = ½xᵀAx − bᵀx exactly along a direction A-conjugate to all earlier ones.
/// </summary>
public static class ConjugateGradient
{
    /// <summary>v ↦ A·v + λ·v: Tikhonov damping, which keeps the step inside the region where the quadratic model is trusted.</summary>
    public static Func<Vector<double>, Vector<double>> Damped(Func<Vector<double>, Vector<double>> product, double lambda)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (!(lambda >= 0) || !double.IsFinite(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"the damping λ must be a finite number ≥ 0 but is {lambda}");
        return v => product(v) + lambda * v;
    }

    /// <summary>The state before the first iteration: x = x₀ (zeros if null), r = b − A·x₀, p = r.</summary>
    public static CgState Start(Func<Vector<double>, Vector<double>> product, Vector<double> b, Vector<double>? x0 = null)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(b);
        var x = x0?.Clone() ?? Vector<double>.Build.Dense(b.Count);
        if (x.Count != b.Count)
            throw new ArgumentException($"x0 has {x.Count} entries but b has {b.Count}", nameof(x0));
        var r = x0 is null ? b.Clone() : b - product(x);
        return new CgState(x, r, r.Clone(), 0);
    }

    /// <summary>
    /// One iteration: α = rᵀr / pᵀAp, x ← x + α·p, r ← r − α·Ap, β = r_newᵀr_new / rᵀr, p ← r_new + β·p.
    /// </summary>
    /// <exception cref="InvalidOperationException">pᵀAp ≤ 0: A is not positive definite (e.g. the damping is 0 and G is singular).</exception>
    public static CgState Step(Func<Vector<double>, Vector<double>> product, CgState state)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(state);
        var ap = product(state.P);
        var curvature = state.P.DotProduct(ap);
        if (!(curvature > 0))
            throw new InvalidOperationException(
                $"conjugate gradient met pᵀAp = {curvature} at iteration {state.Iteration + 1}: the matrix is not positive definite; add damping");
        var rr = state.R.DotProduct(state.R);
        var alpha = rr / curvature;
        var x = state.X + alpha * state.P;
        var r = state.R - alpha * ap;
        var beta = r.DotProduct(r) / rr;
        return new CgState(x, r, r + beta * state.P, state.Iteration + 1);
    }

    /// <summary>Runs <see cref="Step"/> from <paramref name="x0"/> until one of the <paramref name="options"/>' rules stops it.</summary>
    public static ConjugateGradientResult Solve(Func<Vector<double>, Vector<double>> product, Vector<double> b,
        Vector<double>? x0 = null, ConjugateGradientOptions? options = null)
    {
        options ??= new ConjugateGradientOptions();
        CellInit.RequirePositive(options.MaxIterations, nameof(options.MaxIterations));
        var state = Start(product, b, x0);
        var objectives = new List<double> { state.Objective(b) };
        var residuals = new List<double> { state.R.L2Norm() };
        var bNorm = b.L2Norm();
        while (state.Iteration < options.MaxIterations && residuals[^1] > options.Tolerance * bNorm)
        {
            state = Step(product, state);
            objectives.Add(state.Objective(b));
            residuals.Add(state.R.L2Norm());
            if (StalledByMartensRule(objectives, options.ProgressTolerance))
                break;
        }
        return new ConjugateGradientResult(state.X, state.Iteration, objectives, residuals);
    }

    private static bool StalledByMartensRule(List<double> objectives, double epsilon)
    {
        if (epsilon <= 0)
            return false;
        var i = objectives.Count - 1;
        var k = Math.Max(10, (int)Math.Ceiling(0.1 * i));
        if (i <= k || objectives[i] >= 0)
            return false;
        return (objectives[i] - objectives[i - k]) / objectives[i] < k * epsilon;
    }
}
