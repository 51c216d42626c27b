using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>
/// Lesson 10's Adam step names the mistake: a student's step written from the equations passes (and agrees with
/// the library's Adam over many steps), and each test feeds one known mistake and asserts the message names it.
/// </summary>
public class CheckAdamTests
{
    /// <summary>A student's Adam step, right unless <paramref name="mistake"/> names one.</summary>
    private static AdamStepResult Student(Matrix<double> w, Matrix<double> g, Matrix<double> m, Matrix<double> v, int t,
        double alpha, double beta1, double beta2, double epsilon, string mistake = "")
    {
        var mNext = m.Map2((mi, gi) => beta1 * mi + (mistake == "m without 1 − β" ? gi : (1 - beta1) * gi), g);
        var vNext = v.Map2((vi, gi) => beta2 * vi + (mistake == "v without 1 − β" ? 1 : 1 - beta2) * (mistake == "v of g" ? gi : gi * gi), g);
        var power = mistake == "t + 1" ? t + 1 : mistake == "no power" ? 1 : t;
        var mHat = mistake == "no correction" ? mNext.Clone() : mNext / (1 - Math.Pow(beta1, power));
        var vHat = mistake == "no correction" ? vNext.Clone() : vNext / (1 - Math.Pow(beta2, power));
        var (mu, vu) = mistake == "update from m" ? (mNext, vNext) : (mHat, vHat);
        var w2 = Matrix<double>.Build.Dense(w.RowCount, w.ColumnCount, (i, j) =>
        {
            var denominator = mistake switch
            {
                "ε inside" => Math.Sqrt(vu[i, j] + epsilon),
                "no root" => vu[i, j] + epsilon,
                _ => Math.Sqrt(vu[i, j]) + epsilon,
            };
            var change = alpha * mu[i, j] / denominator;
            return mistake == "uphill" ? w[i, j] + change : w[i, j] - change;
        });
        return mistake == "m̂ kept" ? new AdamStepResult(w2, mHat, vHat, mHat, vHat) : new AdamStepResult(w2, mNext, vNext, mHat, vHat);
    }

    private static string Failure(string mistake) => Assert.Throws<CheckFailedException>(() =>
        Check.AdamStep((w, g, m, v, t, a, b1, b2, e) => Student(w, g, m, v, t, a, b1, b2, e, mistake))).Message;

    [Fact]
    public void A_right_step_passes() => Check.AdamStep((w, g, m, v, t, a, b1, b2, e) => Student(w, g, m, v, t, a, b1, b2, e));

    [Fact]
    public void The_students_step_is_the_librarys_Adam()
    {
        // The step the check accepts walks the weights exactly as RnnKit's Adam does, over many steps.
        var rng = new Random(5);
        var w = Matrix<double>.Build.Dense(3, 2, (_, _) => rng.NextDouble() - 0.5);
        var p = new Parameter("w", w.Clone());
        var adam = new Adam([p], new AdamConfig(LearningRate: 0.02, Beta1: 0.85, Beta2: 0.99, Epsilon: 1e-3));
        var (m, v) = (w * 0, w * 0);
        for (var t = 1; t <= 30; t++)
        {
            var g = Matrix<double>.Build.Dense(3, 2, (_, _) => rng.NextDouble() - 0.3);
            var r = Student(w, g, m, v, t, 0.02, 0.85, 0.99, 1e-3);
            (w, m, v) = (r.W, r.M, r.V);
            adam.ZeroGrad();
            p.Accumulate(g);
            adam.Step();
        }
        Assert.True((w - p.Value).Enumerate().Max(Math.Abs) < 1e-12);
    }

    [Theory]
    [InlineData("no correction", "m̂, v̂, w are wrong: m̂ and v̂ are not bias-corrected")]
    [InlineData("t + 1", "the correction uses βᵗ⁺¹")]
    [InlineData("no power", "the correction divides by 1 − β;")]
    [InlineData("v of g", "v averages g, not g²")]
    [InlineData("m without 1 − β", "m adds the whole gradient")]
    [InlineData("v without 1 − β", "v adds the whole g²")]
    [InlineData("ε inside", "ε is added inside the square root")]
    [InlineData("no root", "the update divides by v̂ + ε")]
    [InlineData("update from m", "w is wrong: the update reads m and v")]
    [InlineData("m̂ kept", "m, v are wrong: the m and v you return are the corrected m̂ and v̂")]
    [InlineData("uphill", "the step goes uphill")]
    public void Each_mistake_is_named(string mistake, string expected) => Assert.Contains(expected, Failure(mistake));

    [Fact]
    public void The_message_says_at_which_step_and_what_is_right()
    {
        var message = Failure("m̂ kept");
        Assert.Contains("AdamStep at t = 1", message);
        Assert.Contains("Right already: m̂, v̂, w.", message);
        Assert.Contains("AdamStep at t = 2", Failure("no power"));
        Assert.Contains("AdamStep at t = 3", Failure("ε inside"));
    }

    [Fact]
    public void A_null_answer_and_a_wrong_shape_are_explained()
    {
        Assert.Contains("returned null", Assert.Throws<CheckFailedException>(() =>
            Check.AdamStep((_, _, _, _, _, _, _, _, _) => null)).Message);
        var transposed = Assert.Throws<CheckFailedException>(() => Check.AdamStep((w, g, m, v, t, a, b1, b2, e) =>
        {
            var r = Student(w, g, m, v, t, a, b1, b2, e);
            return r with { W = r.W.Transpose() };
        })).Message;
        Assert.Contains("the transpose", transposed);
    }

    [Fact]
    public void The_mistake_is_named_in_chinese_when_the_run_is_chinese()
    {
        using var _ = KitSettings.Use(new KitSettings(Language: KitSettings.Chinese));
        Assert.Contains("ε 加在了平方根里面", Failure("ε inside"));
    }
}
