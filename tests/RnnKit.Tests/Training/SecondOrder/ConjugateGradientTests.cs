using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Training.SecondOrder;

public class ConjugateGradientTests
{
    private const int N = 8;
    private static readonly Matrix<double> M = Matrix<double>.Build.Random(N, N, new Normal(0, 1, new Random(1)));
    private static readonly Matrix<double> A = M.TransposeThisAndMultiply(M) + Matrix<double>.Build.DenseIdentity(N) * 0.1;
    private static readonly Vector<double> B = Vector<double>.Build.Random(N, new Normal(0, 1, new Random(2)));

    private static Vector<double> Product(Vector<double> v) => A * v;

    [Fact]
    public void In_exact_arithmetic_it_finishes_in_n_iterations_here_to_rounding()
    {
        var result = ConjugateGradient.Solve(Product, B, options: new ConjugateGradientOptions(MaxIterations: 3 * N, Tolerance: 1e-10, ProgressTolerance: 0));
        var exact = A.Solve(B);
        Assert.True((result.X - exact).L2Norm() < 1e-8 * exact.L2Norm(), $"error {(result.X - exact).L2Norm()}");
        Assert.InRange(result.Iterations, N - 2, 2 * N);
    }

    [Fact]
    public void Each_iteration_lowers_the_quadratic_and_keeps_directions_conjugate()
    {
        var state = ConjugateGradient.Start(Product, B);
        var directions = new List<Vector<double>>();
        var previous = state.Objective(B);
        for (var i = 0; i < 5; i++)
        {
            directions.Add(state.P);
            state = ConjugateGradient.Step(Product, state);
            var objective = state.Objective(B);
            Assert.True(objective < previous);
            Assert.Equal(0.5 * state.X.DotProduct(A * state.X) - B.DotProduct(state.X), objective, 1e-10);
            Assert.True((state.R - (B - A * state.X)).L2Norm() < 1e-10);
            previous = objective;
        }
        for (var i = 0; i < directions.Count; i++)
            for (var j = 0; j < i; j++)
                Assert.True(Math.Abs(directions[i].DotProduct(A * directions[j])) < 1e-8, $"p{i}ᵀA p{j} ≠ 0");
    }

    [Fact]
    public void Damping_solves_the_shifted_system_and_a_warm_start_is_used()
    {
        var damped = ConjugateGradient.Damped(Product, 2.0);
        var exact = (A + 2.0 * Matrix<double>.Build.DenseIdentity(N)).Solve(B);
        var fromExact = ConjugateGradient.Solve(damped, B, exact, new ConjugateGradientOptions(Tolerance: 1e-8));
        Assert.Equal(0, fromExact.Iterations);
        var solved = ConjugateGradient.Solve(damped, B, options: new ConjugateGradientOptions(MaxIterations: 50, Tolerance: 1e-12, ProgressTolerance: 0));
        Assert.True((solved.X - exact).L2Norm() < 1e-9);
    }

    [Fact]
    public void Martens_rule_stops_once_progress_is_small_and_a_singular_matrix_is_named()
    {
        // a spread spectrum: CG gains little per iteration late on
        var diagonal = Matrix<double>.Build.DenseOfDiagonalArray(Enumerable.Range(0, 200).Select(i => Math.Pow(1.05, i)).ToArray());
        var b = Vector<double>.Build.Dense(200, 1.0);
        var stopped = ConjugateGradient.Solve(v => diagonal * v, b, options: new ConjugateGradientOptions(MaxIterations: 200, Tolerance: 0, ProgressTolerance: 5e-4));
        Assert.InRange(stopped.Iterations, 11, 199);
        var e = Assert.Throws<InvalidOperationException>(() => ConjugateGradient.Step(v => 0 * v, ConjugateGradient.Start(v => 0 * v, B)));
        Assert.Contains("not positive definite", e.Message);
    }
}
