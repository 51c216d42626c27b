using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>
/// Lesson 12's mixture density gradient names the mistake: a gradient taken by finite differences of the library's
/// loss passes, a student's step written from the lesson's formulas passes, and each test feeds one known mistake
/// and asserts the message names it.
/// </summary>
public class CheckMixtureDensityTests
{
    /// <summary>A student's loss and gradient, in logarithms, right unless <paramref name="mistake"/> names one.</summary>
    private static MixtureDensityStep Student(Vector<double> y, double dx, double dy, int p, string mistake = "")
    {
        var k = (y.Count - 1) / 6;
        var pi = y.SubVector(0, k).Map(Math.Exp);
        pi /= pi.Sum();
        var logW = new double[k];
        for (var c = 0; c < k; c++)
        {
            double sx = Math.Exp(y[3 * k + c]), sy = Math.Exp(y[4 * k + c]), rho = Math.Tanh(y[5 * k + c]);
            double u = (dx - y[k + c]) / sx, v = (dy - y[2 * k + c]) / sy;
            logW[c] = Math.Log(pi[c]) - Math.Log(2 * Math.PI * sx * sy * Math.Sqrt(1 - rho * rho)) - (u * u + v * v - 2 * rho * u * v) / (2 * (1 - rho * rho));
        }
        var logSum = mistake == "no log-sum-exp" ? Math.Log(logW.Sum(Math.Exp)) : logW.Max() + Math.Log(logW.Sum(l => Math.Exp(l - logW.Max())));
        var e = 1 / (1 + Math.Exp(-y[6 * k]));
        var g = Vector<double>.Build.Dense(y.Count);
        for (var c = 0; c < k; c++)
        {
            double sx = Math.Exp(y[3 * k + c]), sy = Math.Exp(y[4 * k + c]), rho = Math.Tanh(y[5 * k + c]);
            double u = (dx - y[k + c]) / sx, v = (dy - y[2 * k + c]) / sy, z = u * u + v * v - 2 * rho * u * v, cc = 1 / (1 - rho * rho);
            var gamma = mistake == "γ unnormalised" ? Math.Exp(logW[c]) : Math.Exp(logW[c] - logSum);
            g[c] = mistake switch { "π sign" => gamma - pi[c], "w.r.t. π" => -gamma / pi[c], _ => pi[c] - gamma };
            g[k + c] = mistake == "μ without ρ" ? -gamma * cc * u / sx : mistake == "μ without C" ? -gamma * (u - rho * v) / sx : -gamma * cc * (u - rho * v) / sx;
            g[2 * k + c] = mistake == "y not swapped" ? -gamma * cc * (u - rho * v) / sy
                : mistake == "μ without ρ" ? -gamma * cc * v / sy : mistake == "μ without C" ? -gamma * (v - rho * u) / sy : -gamma * cc * (v - rho * u) / sy;
            var sigmaX = gamma * (1 - cc * u * (u - rho * v));
            var sigmaY = mistake == "y not swapped" ? gamma * (1 - cc * u * (u - rho * v)) : gamma * (1 - cc * v * (v - rho * u));
            g[3 * k + c] = mistake == "w.r.t. σ" ? sigmaX / sx : mistake == "σ without 1" ? sigmaX - gamma : sigmaX;
            g[4 * k + c] = mistake == "w.r.t. σ" ? sigmaY / sy : mistake == "σ without 1" ? sigmaY - gamma : sigmaY;
            var dRho = -gamma * (u * v + rho * (1 - cc * z));
            g[5 * k + c] = mistake == "w.r.t. ρ" ? dRho / (1 - rho * rho) : dRho;
        }
        g[6 * k] = mistake == "pen sign" ? p - e : e - p;
        var pen = mistake == "no pen term" ? 0 : p == 1 ? Math.Log(e) : Math.Log(1 - e);
        return new MixtureDensityStep(-logSum - pen, g);
    }

    private static string Failure(string mistake) =>
        Assert.Throws<CheckFailedException>(() => Check.MixtureDensityGradient((y, dx, dy, p) => Student(y, dx, dy, p, mistake))).Message;

    [Fact]
    public void A_step_written_from_the_formulas_passes() => Check.MixtureDensityGradient((y, dx, dy, p) => Student(y, dx, dy, p));

    [Fact]
    public void Gradients_by_finite_differences_of_the_librarys_loss_pass() => Check.MixtureDensityGradient((y, dx, dy, p) =>
    {
        var mdn = new MixtureDensityOutput((y.Count - 1) / 6);
        var targets = Matrix<double>.Build.DenseOfArray(new[,] { { dx }, { dy }, { (double)p } });
        double Loss(Vector<double> at) => mdn.Forward(at.ToColumnMatrix(), targets).Loss.Total;
        const double h = 1e-6;
        var g = Vector<double>.Build.Dense(y.Count, i =>
        {
            var (up, down) = (y.Clone(), y.Clone());
            up[i] += h;
            down[i] -= h;
            return (Loss(up) - Loss(down)) / (2 * h);
        });
        return new MixtureDensityStep(Loss(y), g);
    }, components: 2, seed: 4);

    [Theory]
    [InlineData("π sign", "∂L/∂ŷπ has the wrong sign")]
    [InlineData("w.r.t. π", "the gradient with respect to π itself")]
    [InlineData("γ unnormalised", "the responsibilities are not normalised")]
    [InlineData("μ without ρ", "missing the correlation term")]
    [InlineData("μ without C", "missing C = 1/(1 − ρ²)")]
    [InlineData("w.r.t. σ", "the gradient with respect to σ; σ = exp(ŷσ)")]
    [InlineData("σ without 1", "missing the γ from log σ")]
    [InlineData("w.r.t. ρ", "the gradient with respect to ρ; ρ = tanh(ŷρ)")]
    [InlineData("y not swapped", "the y terms are the x terms with u and v swapped")]
    [InlineData("pen sign", "∂L/∂ŷe has the wrong sign")]
    [InlineData("no pen term", "the loss is missing the pen term")]
    [InlineData("no log-sum-exp", "work in logarithms")]
    public void Each_mistake_is_named(string mistake, string expected) => Assert.Contains(expected, Failure(mistake));

    [Fact]
    public void The_message_names_the_wrong_parameter_and_the_right_ones()
    {
        var message = Failure("w.r.t. ρ");
        Assert.Contains("∂L/∂ŷρ is wrong", message);
        Assert.Contains("Right already: the loss, ∂L/∂ŷπ, ∂L/∂μx, ∂L/∂μy, ∂L/∂ŷσx, ∂L/∂ŷσy, ∂L/∂ŷe.", message);
        Assert.Contains("MixtureLossAndGradient with the pen down", Failure("pen sign"));
    }

    [Fact]
    public void A_null_answer_and_a_short_gradient_are_explained()
    {
        Assert.Contains("returned null", Assert.Throws<CheckFailedException>(() => Check.MixtureDensityGradient((_, _, _, _) => null)).Message);
        var message = Assert.Throws<CheckFailedException>(() => Check.MixtureDensityGradient((y, dx, dy, p) =>
            Student(y, dx, dy, p) with { Gradient = Vector<double>.Build.Dense(6) })).Message;
        Assert.Contains("the gradient has 6 entries, expected 6K + 1 = 19", message);
    }

    [Fact]
    public void The_mistake_is_named_in_chinese_when_the_run_is_chinese()
    {
        using var _ = KitSettings.Use(new KitSettings(Language: KitSettings.Chinese));
        Assert.Contains("∂L/∂ŷρ 不对：∂L/∂ŷρ 写成了对 ρ 的梯度", Failure("w.r.t. ρ"));
    }
}
