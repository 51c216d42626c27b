using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>
/// The backward-pass checks name the mistake: each test is a student's answer written with one known mistake, and
/// the check's message must name that mistake (and the parts already right).
/// </summary>
public class CheckRnnBackwardTests
{
    /// <summary>A student's cell backward, right unless one of the switches puts a mistake in.</summary>
    private static RnnCellGradients Student(Matrix<double> daNext, RnnCellCache c, bool derivative = true, bool squared = true,
        bool derivativeAtPrev = false, bool dWaaWithNext = false, bool biasMean = false, bool biasUnsummed = false, bool dWaxTransposed = false)
    {
        var state = derivativeAtPrev ? c.APrev : c.ANext;
        var dz = !derivative ? daNext : daNext.PointwiseMultiply(state.Map(a => squared ? 1 - a * a : 1 - a));
        var dba = biasUnsummed ? dz : dz.RowSums().ToColumnMatrix() / (biasMean ? dz.ColumnCount : 1);
        return new RnnCellGradients(c.Wax.Transpose() * dz, c.Waa.Transpose() * dz,
            dWaxTransposed ? c.Xt * dz.Transpose() : dz * c.Xt.Transpose(),
            dz * (dWaaWithNext ? c.ANext : c.APrev).Transpose(), dba);
    }

    private static string Failure(Action check) => Assert.Throws<CheckFailedException>(check).Message;

    [Fact]
    public void A_right_cell_backward_passes() => Check.RnnCellBackward((da, c) => Student(da, c));

    [Fact]
    public void Gradients_by_finite_differences_pass_the_cell_check() => Check.RnnCellBackward((da, c) =>
    {
        // L = Σ da ⊙ tanh(Wax·xt + Waa·a_prev + ba), differentiated numerically: owes nothing to the library's reference.
        const double h = 1e-6;
        double Loss(Matrix<double> x, Matrix<double> a, Matrix<double> wax, Matrix<double> waa, Matrix<double> ba) =>
            da.PointwiseMultiply((wax * x + waa * a + ba * Matrix<double>.Build.Dense(1, x.ColumnCount, 1.0)).Map(Math.Tanh)).Enumerate().Sum();
        Matrix<double> D(Matrix<double> m, Func<Matrix<double>, double> loss) => Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount, (i, j) =>
        {
            var up = m.Clone(); up[i, j] += h;
            var down = m.Clone(); down[i, j] -= h;
            return (loss(up) - loss(down)) / (2 * h);
        });
        return new RnnCellGradients(D(c.Xt, x => Loss(x, c.APrev, c.Wax, c.Waa, c.Ba)), D(c.APrev, a => Loss(c.Xt, a, c.Wax, c.Waa, c.Ba)),
            D(c.Wax, w => Loss(c.Xt, c.APrev, w, c.Waa, c.Ba)), D(c.Waa, w => Loss(c.Xt, c.APrev, c.Wax, w, c.Ba)),
            D(c.Ba, b => Loss(c.Xt, c.APrev, c.Wax, c.Waa, b)));
    });

    [Theory]
    [InlineData("derivative", "the tanh derivative is missing")]
    [InlineData("squared", "is written 1 − a⟨t⟩")]
    [InlineData("derivativeAtPrev", "taken at a⟨t−1⟩")]
    public void A_wrong_tanh_derivative_is_named(string mistake, string expected)
    {
        var message = Failure(() => Check.RnnCellBackward((da, c) => Student(da, c,
            derivative: mistake != "derivative", squared: mistake != "squared", derivativeAtPrev: mistake == "derivativeAtPrev")));
        Assert.Contains(expected, message);
        Assert.Contains("dxt is wrong", message);
    }

    [Fact]
    public void DWaa_with_the_new_state_is_named_and_the_rest_is_right()
    {
        var message = Failure(() => Check.RnnCellBackward((da, c) => Student(da, c, dWaaWithNext: true)));
        Assert.Contains("dWaa is wrong: dWaa uses a⟨t⟩", message);
        Assert.Contains("Right already: dxt, da_prev, dWax, dba.", message);
    }

    [Theory]
    [InlineData(true, false, "divided by the number of examples")]
    [InlineData(false, true, "a bias gradient sums over the 10 examples")]
    public void A_bias_gradient_averaged_or_not_summed_is_named(bool mean, bool unsummed, string expected) =>
        Assert.Contains(expected, Failure(() => Check.RnnCellBackward((da, c) => Student(da, c, biasMean: mean, biasUnsummed: unsummed))));

    [Fact]
    public void A_transposed_weight_gradient_is_named() =>
        Assert.Contains("dWax: it has shape (3, 5), expected (5, 3) — the transpose",
            Failure(() => Check.RnnCellBackward((da, c) => Student(da, c, dWaxTransposed: true))));

    [Fact]
    public void A_product_of_mismatched_shapes_is_named()
    {
        var message = Failure(() => Check.RnnCellBackward((da, c) => Student(da, c) with { Dxt = c.Wax * da }));
        Assert.Contains("inner sizes do not agree", message);
    }

    [Fact]
    public void A_product_of_mismatched_shapes_thrown_again_by_a_grader_is_named_with_the_students_own_exception()
    {
        // rnnkit grade calls the student's code in a sandbox and throws its ArgumentException again, the original inside.
        var message = Failure(() => Check.RnnCellBackward((da, c) => throw new ArgumentException("Your RnnCellBackward threw System.ArgumentException: …",
            new ArgumentException("Matrix dimensions must agree: op1 is 5x3, op2 is 5x10."))));
        Assert.StartsWith("RnnCellBackward threw ArgumentException: Matrix dimensions must agree: op1 is 5x3, op2 is 5x10. A matrix product's inner sizes do not agree", message);
    }

    [Fact]
    public void Not_done_yet_passes_through_unchanged() =>
        Assert.Equal("Exercise 3.4: not done yet", Assert.Throws<NotImplementedException>(() =>
            Check.RnnCellBackward((_, _) => throw new NotImplementedException("Exercise 3.4: not done yet"))).Message);

    /// <summary>A student's BPTT loop over their (here right, or flawed) cell step.</summary>
    private static RnnGradients Bptt(IReadOnlyList<Matrix<double>> da, IReadOnlyList<RnnCellCache> caches,
        bool carry = true, bool backwards = true, bool accumulate = true, bool derivative = true)
    {
        var first = caches[0];
        var dx = new Matrix<double>[caches.Count];
        var dWax = Matrix<double>.Build.Dense(first.Wax.RowCount, first.Wax.ColumnCount);
        var dWaa = Matrix<double>.Build.Dense(first.Waa.RowCount, first.Waa.ColumnCount);
        var dba = Matrix<double>.Build.Dense(first.Ba.RowCount, 1);
        var daPrev = Matrix<double>.Build.Dense(first.APrev.RowCount, first.APrev.ColumnCount);
        for (var k = 0; k < caches.Count; k++)
        {
            var t = backwards ? caches.Count - 1 - k : k;
            var g = Student(carry ? da[t] + daPrev : da[t], caches[t], derivative: derivative);
            dx[t] = g.Dxt;
            daPrev = g.DaPrev;
            if (accumulate) { dWax += g.DWax; dWaa += g.DWaa; dba += g.Dba; }
            else { dWax = g.DWax; dWaa = g.DWaa; dba = g.Dba; }
        }
        return new RnnGradients(dx, daPrev, dWax, dWaa, dba);
    }

    [Fact]
    public void A_right_bptt_passes() => Check.RnnBackward((da, caches) => Bptt(da, caches));

    [Theory]
    [InlineData("carry", "the gradient from the next step is not added")]
    [InlineData("backwards", "the loop runs forward in time")]
    [InlineData("accumulate", "keep only one step's share")]
    [InlineData("derivative", "in the cell's backward step, the tanh derivative is missing")]
    public void A_wrong_bptt_loop_is_named(string mistake, string expected) =>
        Assert.Contains(expected, Failure(() => Check.RnnBackward((da, caches) => Bptt(da, caches,
            carry: mistake != "carry", backwards: mistake != "backwards", accumulate: mistake != "accumulate", derivative: mistake != "derivative"))));

    [Fact]
    public void A_bptt_that_drops_a_step_is_named() =>
        Assert.Contains("returned 3 input gradients dx, expected 4", Failure(() => Check.RnnBackward((da, caches) =>
        {
            var g = Bptt(da, caches);
            return g with { Dx = g.Dx.Skip(1).ToList() };
        })));
}
