using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

public class CheckTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;

    /// <summary>The right answer, written independently of Check's reference.</summary>
    private static Matrix<double> RightStep(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> wax, Matrix<double> waa, Matrix<double> ba)
    {
        var z = wax * xt + waa * aPrev + ba * M.Dense(1, xt.ColumnCount, 1.0);
        return z.Map(Math.Tanh);
    }

    [Fact]
    public void Shape_names_both_shapes()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.Shape("a_next", M.Dense(5, 10), 5, 1));
        Assert.Equal("a_next has shape (5, 10), expected (5, 1).", e.Message);
        Check.Shape("a_next", M.Dense(5, 1), 5, 1);
    }

    [Fact]
    public void Close_lists_first_differing_entries_and_max_abs_diff()
    {
        var expected = M.Dense(2, 3, (i, j) => i + j);
        var actual = expected.Clone();
        actual[0, 2] += 0.5;
        actual[1, 1] -= 2;
        var e = Assert.Throws<CheckFailedException>(() => Check.Close("y", actual, expected));
        Assert.Contains("2 of 6 entries are wrong", e.Message);
        Assert.Contains("max abs diff 2", e.Message);
        Assert.Contains("[0, 2] is 2.5, expected 2", e.Message);
        Assert.Contains("[1, 1] is 0, expected 2", e.Message);
        Check.Close("y", expected + 1e-12, expected);
    }

    [Fact]
    public void Close_of_numbers_uses_the_tolerance_and_catches_NaN()
    {
        Check.Close("loss", 1.0 + 1e-9, 1.0);
        Assert.Contains("difference 0.01", Assert.Throws<CheckFailedException>(() => Check.Close("loss", 1.01, 1.0)).Message);
        Check.Close("loss", 1.01, 1.0, new Tolerance(Absolute: 0.02));
        Assert.Contains("NaN", Assert.Throws<CheckFailedException>(() => Check.Close("loss", double.NaN, 1.0)).Message);
    }

    [Fact]
    public void Equal_and_finite_and_null()
    {
        Assert.Equal("token is \"b\", expected \"a\".", Assert.Throws<CheckFailedException>(() => Check.Equal("token", "b", "a")).Message);
        var m = M.Dense(2, 2);
        m[1, 0] = double.PositiveInfinity;
        Assert.Contains("[1, 0] is Infinity", Assert.Throws<CheckFailedException>(() => Check.Finite("dWax", m)).Message);
        Assert.Contains("forget to return", Assert.Throws<CheckFailedException>(() => Check.Close("a", null, M.Dense(1, 1))).Message);
    }

    [Fact]
    public void RnnStep_accepts_a_right_answer()
    {
        Check.RnnStep(RightStep);
    }

    [Fact]
    public void RnnStep_blames_the_bias_when_it_is_forgotten()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.RnnStep((x, a, wax, waa, ba) => (wax * x + waa * a).Map(Math.Tanh)));
        Assert.StartsWith("a_next is wrong; with ba = 0 it is right, so look at how you add the bias", e.Message);
    }

    [Fact]
    public void RnnStep_blames_the_recurrent_term()
    {
        // Uses a_prev without Waa (shapes happen to work because the student adds it directly).
        var e = Assert.Throws<CheckFailedException>(() => Check.RnnStep((x, a, wax, waa, ba) => RightStep(x, a, wax, waa * 2, ba)));
        Assert.Contains("with Waa = 0 it is right, so look at the recurrent term", e.Message);
    }

    [Fact]
    public void RnnStep_notices_a_missing_or_wrong_activation()
    {
        var noTanh = Assert.Throws<CheckFailedException>(() => Check.RnnStep((x, a, wax, waa, ba) => wax * x + waa * a + ba * M.Dense(1, x.ColumnCount, 1.0)));
        Assert.Contains("without the activation; apply tanh", noTanh.Message);
        var sigmoid = Assert.Throws<CheckFailedException>(() => Check.RnnStep((x, a, wax, waa, ba) =>
            (wax * x + waa * a + ba * M.Dense(1, x.ColumnCount, 1.0)).Map(s => 1 / (1 + Math.Exp(-s)))));
        Assert.Contains("activation is tanh", sigmoid.Message);
    }

    [Fact]
    public void RnnStep_reports_a_wrong_shape_with_all_the_sizes()
    {
        var e = Assert.Throws<CheckFailedException>(() => Check.RnnStep((x, a, wax, waa, ba) => RightStep(x, a, wax, waa, ba).SubMatrix(0, 5, 0, 1)));
        Assert.StartsWith("a_next has shape (5, 1), expected (5, 10) = (n_a, m)", e.Message);
    }

    [Fact]
    public void RnnStep_lets_the_students_own_exception_through()
    {
        var e = Assert.Throws<NotImplementedException>(() => Check.RnnStep((_, _, _, _, _) => throw new NotImplementedException("Exercise 3.2: not done yet")));
        Assert.Equal("Exercise 3.2: not done yet", e.Message);
    }
}
