using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

/// <summary>
/// One step of Adam on one weight matrix, in the terms lesson 10 derives: the moving averages m and v, their
/// bias-corrected m̂ and v̂, and the new weights.
/// </summary>
/// <param name="W">w − α·m̂ / (√v̂ + ε), the weights after the step.</param>
/// <param name="M">m = β₁·m + (1 − β₁)·g, kept (uncorrected) for the next step.</param>
/// <param name="V">v = β₂·v + (1 − β₂)·g², kept (uncorrected) for the next step.</param>
/// <param name="MHat">m̂ = m / (1 − β₁ᵗ).</param>
/// <param name="VHat">v̂ = v / (1 − β₂ᵗ).</param>
public sealed record AdamStepResult(Matrix<double> W, Matrix<double> M, Matrix<double> V, Matrix<double> MHat, Matrix<double> VHat);

public static partial class Check
{
    /// <summary>
    /// Checks a student's Adam step (lesson 10) at several steps t, from states where the bias correction matters
    /// (t = 1, 2, 3) and where it has nearly faded: m, v, m̂, v̂ and w compared one by one, a wrong one matched against
    /// the usual mistakes (no correction or the wrong power of β, v averaging g instead of g², the (1 − β) factor
    /// missing, ε inside the square root, the update read from m and v or going uphill, m̂ kept as the state) and named.
    /// </summary>
    /// <param name="step">The student's function (w, g, m, v, t, α, β₁, β₂, ε) → the step's terms; t counts from 1.</param>
    /// <param name="sizes">The shape of the weights is (HiddenSize, InputSize); the seed draws w, g and the states.</param>
    public static void AdamStep(
        Func<Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, int, double, double, double, double, AdamStepResult?> step,
        StepSizes? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        var (columns, rows, _, seed) = sizes ?? StepSizes.Default;
        var rng = new Random(seed + 3000);
        var zeros = Matrix<double>.Build.Dense(rows, columns);
        // (t, α, β₁, β₂, ε): the first steps from zero moments, then a late step from moments already built up; a
        // large ε on one step, so that where it is added shows.
        (int T, double Alpha, double Beta1, double Beta2, double Epsilon)[] settings =
            [(1, 0.01, 0.9, 0.999, 1e-8), (2, 0.01, 0.9, 0.999, 1e-8), (3, 0.05, 0.8, 0.99, 0.05), (40, 0.01, 0.9, 0.999, 1e-8)];
        var (m, v) = (zeros, zeros);
        var w = Uniform(rows, columns, rng);
        foreach (var (t, alpha, beta1, beta2, epsilon) in settings)
        {
            var g = Uniform(rows, columns, rng);
            if (t > 3)
            {
                m = Uniform(rows, columns, rng) * 0.3;
                v = Uniform(rows, columns, rng).PointwiseMultiply(Uniform(rows, columns, rng)) * 0.2;
            }
            var h = new AdamHyper(t, alpha, beta1, beta2, epsilon);
            var what = Feedback.AdamStepAt(t, Number(alpha), Number(beta1), Number(beta2), Number(epsilon));
            var (wIn, gIn, mIn, vIn) = (w, g, m, v);
            var actual = Calling(what, () => step(wIn.Clone(), gIn.Clone(), mIn.Clone(), vIn.Clone(), t, alpha, beta1, beta2, epsilon));
            if (actual is null) Fail(Feedback.AdamReturnedNull(what));
            var reference = AdamReference(w, g, m, v, h, AdamFlaw.None);
            Terms(what, Named(actual), Named(reference),
                [.. AdamFlaws.Select(f => new Mistake(f.Hint, Named(AdamReference(w, g, m, v, h, f.Flaw))))], columns);
            (w, m, v) = (reference.W, reference.M, reference.V);
        }
    }

    private sealed record AdamHyper(int T, double Alpha, double Beta1, double Beta2, double Epsilon);

    /// <summary>The mistakes an Adam step is checked against.</summary>
    private enum AdamFlaw
    {
        None, NoCorrection, CorrectionPowerPlusOne, CorrectionWithoutPower, VOfG, MWithoutOneMinus, VWithoutOneMinus,
        EpsilonInsideRoot, RootMissing, UpdateFromUncorrected, CorrectedKept, Uphill,
    }

    /// <summary>Each flaw with its hint, in the run's language (<see cref="Feedback"/>).</summary>
    private static (AdamFlaw Flaw, string Hint)[] AdamFlaws =>
    [
        (AdamFlaw.NoCorrection, Feedback.AdamNoCorrection),
        (AdamFlaw.CorrectionPowerPlusOne, Feedback.AdamPowerPlusOne),
        (AdamFlaw.CorrectionWithoutPower, Feedback.AdamWithoutPower),
        (AdamFlaw.VOfG, Feedback.AdamVOfG),
        (AdamFlaw.MWithoutOneMinus, Feedback.AdamMWithoutOneMinus),
        (AdamFlaw.VWithoutOneMinus, Feedback.AdamVWithoutOneMinus),
        (AdamFlaw.EpsilonInsideRoot, Feedback.AdamEpsilonInside),
        (AdamFlaw.RootMissing, Feedback.AdamNoRoot),
        (AdamFlaw.UpdateFromUncorrected, Feedback.AdamUpdateFromUncorrected),
        (AdamFlaw.CorrectedKept, Feedback.AdamCorrectedKept),
        (AdamFlaw.Uphill, Feedback.AdamUphill),
    ];

    /// <summary>The reference Adam step, or the variant with one <paramref name="flaw"/>.</summary>
    private static AdamStepResult AdamReference(Matrix<double> w, Matrix<double> g, Matrix<double> m, Matrix<double> v, AdamHyper h, AdamFlaw flaw)
    {
        var g2 = flaw == AdamFlaw.VOfG ? g : g.PointwisePower(2);
        var mNext = h.Beta1 * m + (flaw == AdamFlaw.MWithoutOneMinus ? 1 : 1 - h.Beta1) * g;
        var vNext = h.Beta2 * v + (flaw == AdamFlaw.VWithoutOneMinus ? 1 : 1 - h.Beta2) * g2;
        double Correction(double beta) => flaw switch
        {
            AdamFlaw.NoCorrection => 1,
            AdamFlaw.CorrectionPowerPlusOne => 1 - Math.Pow(beta, h.T + 1),
            AdamFlaw.CorrectionWithoutPower => 1 - beta,
            _ => 1 - Math.Pow(beta, h.T),
        };
        var (mHat, vHat) = (mNext / Correction(h.Beta1), vNext / Correction(h.Beta2));
        var (mUsed, vUsed) = flaw == AdamFlaw.UpdateFromUncorrected ? (mNext, vNext) : (mHat, vHat);
        var denominator = flaw switch
        {
            AdamFlaw.EpsilonInsideRoot => (vUsed + h.Epsilon).PointwiseSqrt(),
            AdamFlaw.RootMissing => vUsed + h.Epsilon,
            _ => vUsed.PointwiseSqrt() + h.Epsilon,
        };
        var change = h.Alpha * mUsed.PointwiseDivide(denominator);
        var wNext = flaw == AdamFlaw.Uphill ? w + change : w - change;
        return flaw == AdamFlaw.CorrectedKept
            ? new AdamStepResult(wNext, mHat, vHat, mHat, vHat)
            : new AdamStepResult(wNext, mNext, vNext, mHat, vHat);
    }

    private static IReadOnlyList<(string, Matrix<double>?)> Named(AdamStepResult r) =>
        [("m", r.M), ("v", r.V), ("m̂", r.MHat), ("v̂", r.VHat), ("w", r.W)];

    /// <summary>
    /// Compares named terms with the reference. A mistake that gives exactly the student's terms, all of them, is
    /// named once with the terms it makes wrong; otherwise each wrong term is described on its own
    /// (<see cref="Gradients"/>). The terms already right are named too.
    /// </summary>
    private static void Terms(string what, IReadOnlyList<(string Name, Matrix<double>? Value)> actual,
        IReadOnlyList<(string Name, Matrix<double>? Value)> expected, IReadOnlyList<Mistake> mistakes, int examples)
    {
        var wrong = Enumerable.Range(0, expected.Count)
            .Where(i => Compare(expected[i].Name, actual[i].Value, expected[i].Value!, Tolerance.Default) is not null).ToList();
        if (wrong.Count == 0) return;
        var fits = mistakes.FirstOrDefault(mk => Enumerable.Range(0, expected.Count)
            .All(i => Compare(expected[i].Name, actual[i].Value, mk.Values[i].Value!, Tolerance.Default) is null));
        if (fits is null) Gradients(what, actual, expected, mistakes, examples);
        var right = Enumerable.Range(0, expected.Count).Except(wrong).Select(i => expected[i].Name).ToList();
        var names = wrong.Count <= 4 ? string.Join(Feedback.Comma, wrong.Select(i => expected[i].Name))
            : Feedback.MoreNames(string.Join(Feedback.Comma, wrong.Take(3).Select(i => expected[i].Name)), wrong.Count - 3);
        Fail(Feedback.TermsMistake(what, names, wrong.Count, fits!.Hint, string.Join(Feedback.Comma, right)));
    }
}
