using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

/// <summary>
/// The loss of one pen step under a mixture density output (lesson 12, Graves 2013 §4) and its gradient with
/// respect to the raw outputs ŷ, in the layout of <see cref="MixtureDensityOutput"/>.
/// </summary>
/// <param name="Loss">−log Σₖ πₖ𝒩ₖ − log(e if p = 1 else 1 − e).</param>
/// <param name="Gradient">∂L/∂ŷ, 6K + 1 entries: ŷπ, μx, μy, ŷσx, ŷσy, ŷρ (K each), then ŷe.</param>
public sealed record MixtureDensityStep(double Loss, Vector<double> Gradient);

public static partial class Check
{
    /// <summary>
    /// Checks a student's loss and gradient of the mixture density output for one pen step, on steps with the pen
    /// down and lifted and on one far from every component (where only a computation in logarithms stays finite):
    /// the loss and the gradient of each kind of raw output (ŷπ, μx, μy, ŷσx, ŷσy, ŷρ, ŷe) compared on their own, a
    /// wrong one matched against the usual mistakes (a sign, a gradient taken with respect to π, σ or ρ instead of
    /// the raw output, responsibilities not normalised, the correlation term or C left out, u and v not swapped
    /// for y, the pen term missing or read the wrong way) and named. The reference is the library's
    /// <see cref="MixtureDensityOutput"/>, whose backward pass lesson 12 checks against finite differences.
    /// </summary>
    /// <param name="step">The student's function (ŷ, Δx, Δy, p) → loss and ∂L/∂ŷ.</param>
    /// <param name="components">K, the number of mixture components (default 3).</param>
    /// <param name="seed">Seed of the random outputs and targets.</param>
    public static void MixtureDensityGradient(Func<Vector<double>, double, double, int, MixtureDensityStep?> step,
        int components = 3, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        var rng = new Random(seed + 5000);
        var mdn = new MixtureDensityOutput(components);
        var k = components;
        Vector<double> RandomOutputs() => Vector<double>.Build.Dense(mdn.InputSize, i =>
            i >= 3 * k && i < 5 * k ? rng.NextDouble() - 0.7      // log σ: widths around 0.5–1.3
            : i >= 5 * k && i < 6 * k ? 1.6 * rng.NextDouble() - 0.8 // ŷρ: correlations of either sign
            : 2 * rng.NextDouble() - 1);
        // (ŷ, Δx, Δy, p): near the means with the pen down and lifted, then far from every component.
        var cases = new List<(Vector<double> Y, double Dx, double Dy, int P, string Where)>
        {
            (RandomOutputs(), rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, 0, Feedback.MixturePenDown),
            (RandomOutputs(), rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, 1, Feedback.MixturePenLifted),
        };
        var far = RandomOutputs();
        for (var i = 3 * k; i < 5 * k; i++) far[i] = -2.5;  // narrow components: the point is 40–50 widths away
        cases.Add((far, 4, -3, 0, Feedback.MixtureFar));

        foreach (var (y, dx, dy, p, where) in cases)
        {
            var what = Feedback.MixtureWhat(where, Number(dx), Number(dy), p, k);
            var actual = Calling(what, () => step(y.Clone(), dx, dy, p));
            if (actual is null) Fail(Feedback.MixtureReturnedNull(what));
            if (actual.Gradient is null || actual.Gradient.Count != mdn.InputSize)
                Fail(Feedback.MixtureGradientCount(what, actual.Gradient?.Count ?? 0, mdn.InputSize));
            var nonFinite = actual.Gradient.Count(g => !double.IsFinite(g));
            if (!double.IsFinite(actual.Loss) || nonFinite > 0) Fail(Feedback.MixtureNotFinite(what, Number(actual.Loss), nonFinite));
            var targets = Matrix<double>.Build.DenseOfArray(new[,] { { dx }, { dy }, { (double)p } });
            var (loss, cache) = mdn.Forward(y.ToColumnMatrix(), targets);
            var reference = new MixtureDensityStep(loss.Total, mdn.Backward(cache).Column(0));
            Terms(what, Named(actual, k), Named(reference, k),
                [.. MixtureFlaws.Select(f => new Mistake(f.Hint, Named(MixtureStep(y, dx, dy, p, k, f.Flaw), k)))], 1);
        }
    }

    /// <summary>The mistakes a mixture density gradient is checked against.</summary>
    private enum MixtureFlaw
    {
        None, PiSign, PiWithRespectToPi, GammaNotNormalised, MuWithoutCorrelation, MuWithoutC, SigmaWithRespectToSigma,
        SigmaWithoutOne, RhoWithRespectToRho, YNotSwapped, PenSign, NoPenTerm,
    }

    /// <summary>Each flaw with its hint, in the run's language (<see cref="Feedback"/>).</summary>
    private static (MixtureFlaw Flaw, string Hint)[] MixtureFlaws =>
    [
        (MixtureFlaw.PiSign, Feedback.MixturePiSign),
        (MixtureFlaw.PiWithRespectToPi, Feedback.MixturePiWithRespectToPi),
        (MixtureFlaw.GammaNotNormalised, Feedback.MixtureGammaNotNormalised),
        (MixtureFlaw.MuWithoutCorrelation, Feedback.MixtureMuWithoutCorrelation),
        (MixtureFlaw.MuWithoutC, Feedback.MixtureMuWithoutC),
        (MixtureFlaw.SigmaWithRespectToSigma, Feedback.MixtureSigmaWithRespectToSigma),
        (MixtureFlaw.SigmaWithoutOne, Feedback.MixtureSigmaWithoutOne),
        (MixtureFlaw.RhoWithRespectToRho, Feedback.MixtureRhoWithRespectToRho),
        (MixtureFlaw.YNotSwapped, Feedback.MixtureYNotSwapped),
        (MixtureFlaw.PenSign, Feedback.MixturePenSign),
        (MixtureFlaw.NoPenTerm, Feedback.MixtureNoPenTerm),
    ];

    /// <summary>The loss and gradient of one pen step written from the formulas, or the variant with one <paramref name="flaw"/>.</summary>
    private static MixtureDensityStep MixtureStep(Vector<double> y, double dx, double dy, int p, int k, MixtureFlaw flaw)
    {
        var piMax = Enumerable.Range(0, k).Max(c => y[c]);
        var piSum = Enumerable.Range(0, k).Sum(c => Math.Exp(y[c] - piMax));
        var logPi = Enumerable.Range(0, k).Select(c => y[c] - piMax - Math.Log(piSum)).ToArray();
        var logTerms = new double[k];
        var parts = new (double U, double V, double Sx, double Sy, double Rho, double Z, double C)[k];
        for (var c = 0; c < k; c++)
        {
            double sx = Math.Exp(y[3 * k + c]), sy = Math.Exp(y[4 * k + c]), rho = Math.Tanh(y[5 * k + c]);
            double u = (dx - y[k + c]) / sx, v = (dy - y[2 * k + c]) / sy, z = u * u + v * v - 2 * rho * u * v;
            parts[c] = (u, v, sx, sy, rho, z, 1 / (1 - rho * rho));
            logTerms[c] = logPi[c] + MixtureDensityOutput.LogDensity(dx, dy, y[k + c], y[2 * k + c], sx, sy, rho);
        }
        var max = logTerms.Max();
        var logSum = max + Math.Log(logTerms.Sum(l => Math.Exp(l - max)));
        var e = 1 / (1 + Math.Exp(-y[6 * k]));
        var pen = p == 1 ? Math.Log(e) : Math.Log(1 - e);
        var g = Vector<double>.Build.Dense(6 * k + 1);
        for (var c = 0; c < k; c++)
        {
            var gamma = flaw == MixtureFlaw.GammaNotNormalised ? Math.Exp(logTerms[c]) : Math.Exp(logTerms[c] - logSum);
            var (u, v, sx, sy, rho, z, cc) = parts[c];
            var pi = Math.Exp(logPi[c]);
            var (vy, uy) = flaw == MixtureFlaw.YNotSwapped ? (u, v) : (v, u);
            g[c] = flaw switch { MixtureFlaw.PiSign => gamma - pi, MixtureFlaw.PiWithRespectToPi => -gamma / pi, _ => pi - gamma };
            double Mu(double a, double b, double s) => flaw switch
            {
                MixtureFlaw.MuWithoutCorrelation => -gamma * cc * a / s,
                MixtureFlaw.MuWithoutC => -gamma * (a - rho * b) / s,
                _ => -gamma * cc * (a - rho * b) / s,
            };
            double Sigma(double a, double b, double s) => flaw switch
            {
                MixtureFlaw.SigmaWithRespectToSigma => gamma * (1 - cc * a * (a - rho * b)) / s,
                MixtureFlaw.SigmaWithoutOne => -gamma * cc * a * (a - rho * b),
                _ => gamma * (1 - cc * a * (a - rho * b)),
            };
            g[k + c] = Mu(u, v, sx);
            g[2 * k + c] = Mu(vy, uy, sy);
            g[3 * k + c] = Sigma(u, v, sx);
            g[4 * k + c] = Sigma(vy, uy, sy);
            var dRho = -gamma * (u * v + rho * (1 - cc * z));
            g[5 * k + c] = flaw == MixtureFlaw.RhoWithRespectToRho ? dRho / (1 - rho * rho) : dRho;
        }
        g[6 * k] = flaw == MixtureFlaw.PenSign ? p - e : e - p;
        return new MixtureDensityStep(-logSum - (flaw == MixtureFlaw.NoPenTerm ? 0 : pen), g);
    }

    private static IReadOnlyList<(string, Matrix<double>?)> Named(MixtureDensityStep s, int k)
    {
        Matrix<double>? Block(int from, int count) => s.Gradient is null || s.Gradient.Count < from + count
            ? null : s.Gradient.SubVector(from, count).ToColumnMatrix();
        return
        [
            (Feedback.MixtureLoss, Matrix<double>.Build.Dense(1, 1, s.Loss)),
            ("∂L/∂ŷπ", Block(0, k)), ("∂L/∂μx", Block(k, k)), ("∂L/∂μy", Block(2 * k, k)),
            ("∂L/∂ŷσx", Block(3 * k, k)), ("∂L/∂ŷσy", Block(4 * k, k)), ("∂L/∂ŷρ", Block(5 * k, k)), ("∂L/∂ŷe", Block(6 * k, 1)),
        ];
    }
}
