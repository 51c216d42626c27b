using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

public static partial class Check
{
    /// <summary>
    /// Checks a student's GRU backward step: from ∂L/∂h⟨t⟩ and the step's cache, the gradients of x⟨t⟩, h⟨t−1⟩ and
    /// of every weight and bias. Each is compared on its own; a wrong one is matched against the usual mistakes —
    /// the update gate's gradient with the wrong sign (n − h⟨t−1⟩), h⟨t−1⟩'s direct path z ⊙ dh left out, the
    /// candidate's share without (1 − z), the reset gate's gradient without b_hn, W_hn's gradient without r, the
    /// derivative of the candidate's tanh left out.
    /// </summary>
    /// <param name="cellBackward">The student's function (dh_next, cache) → gradients.</param>
    /// <param name="sizes">The sizes to test with (InputSize is n_x, HiddenSize n_h).</param>
    public static void GruCellBackward(Func<Matrix<double>, GruCellCache, GruCellGradients?> cellBackward, StepSizes? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(cellBackward);
        var (nx, nh, m, seed) = sizes ?? StepSizes.Default;
        var rng = new Random(seed + 4000);
        var p = new GruParameters(Uniform(nh, nx, rng), Uniform(nh, nh, rng), Uniform(nh, 1, rng), Uniform(nh, nx, rng), Uniform(nh, nh, rng),
            Uniform(nh, 1, rng), Uniform(nh, nx, rng), Uniform(nh, nh, rng), Uniform(nh, 1, rng), Uniform(nh, 1, rng));
        var cache = GruForward(Uniform(nx, m, rng), Uniform(nh, m, rng), p);
        var dhNext = Uniform(nh, m, rng);
        var actual = Calling("GruCellBackward", () => cellBackward(dhNext, cache));
        Mistake Flawed(GruFlaw flaw, string hint) => new(hint, Named(GruBackward(dhNext, cache, flaw)));
        Gradients("GruCellBackward", Named(actual), Named(GruBackward(dhNext, cache, GruFlaw.None)),
        [
            Flawed(GruFlaw.UpdateSignFlipped, Feedback.UpdateSignFlipped),
            Flawed(GruFlaw.NoDirectPath, Feedback.NoDirectPath),
            Flawed(GruFlaw.CandidateWithZ, Feedback.CandidateWithZ),
            Flawed(GruFlaw.ResetWithoutHiddenBias, Feedback.ResetWithoutHiddenBias),
            Flawed(GruFlaw.WhnWithoutReset, Feedback.WhnWithoutReset),
            Flawed(GruFlaw.NoTanhDerivative, Feedback.CandidateTanhDerivative),
        ], m);
    }

    private static IReadOnlyList<(string, Matrix<double>?)> Named(GruCellGradients? g) =>
    [
        ("dx", g?.Dx), ("dh_prev", g?.DhPrev), ("dWxr", g?.DWxr), ("dWhr", g?.DWhr), ("dbr", g?.Dbr), ("dWxz", g?.DWxz), ("dWhz", g?.DWhz),
        ("dbz", g?.Dbz), ("dWxn", g?.DWxn), ("dWhn", g?.DWhn), ("dbxn", g?.Dbxn), ("dbhn", g?.Dbhn),
    ];

    private static GruCellCache GruForward(Matrix<double> x, Matrix<double> h, GruParameters p)
    {
        var r = Sigmoid(Affine(p.Wxr, x, p.Br) + p.Whr * h);
        var z = Sigmoid(Affine(p.Wxz, x, p.Bz) + p.Whz * h);
        var hidden = Affine(p.Whn, h, p.Bhn);
        var n = (Affine(p.Wxn, x, p.Bxn) + r.PointwiseMultiply(hidden)).Map(Math.Tanh);
        return new GruCellCache(z.Map(v => 1 - v).PointwiseMultiply(n) + z.PointwiseMultiply(h), h, x, r, z, n, hidden, p);
    }

    private enum GruFlaw { None, UpdateSignFlipped, NoDirectPath, CandidateWithZ, ResetWithoutHiddenBias, WhnWithoutReset, NoTanhDerivative }

    private static GruCellGradients GruBackward(Matrix<double> dh, GruCellCache c, GruFlaw flaw)
    {
        var p = c.Parameters;
        var dn = dh.PointwiseMultiply(flaw == GruFlaw.CandidateWithZ ? c.Z : c.Z.Map(v => 1 - v));
        var dz = dh.PointwiseMultiply(flaw == GruFlaw.UpdateSignFlipped ? c.N - c.HPrev : c.HPrev - c.N);
        var dnPre = flaw == GruFlaw.NoTanhDerivative ? dn : dn.PointwiseMultiply(c.N.Map(v => 1 - v * v));
        var dHidden = dnPre.PointwiseMultiply(c.R);
        var dr = dnPre.PointwiseMultiply(flaw == GruFlaw.ResetWithoutHiddenBias ? p.Whn * c.HPrev : c.HiddenPart);
        var drPre = dr.PointwiseMultiply(c.R.PointwiseMultiply(c.R.Map(v => 1 - v)));
        var dzPre = dz.PointwiseMultiply(c.Z.PointwiseMultiply(c.Z.Map(v => 1 - v)));
        var dx = p.Wxr.TransposeThisAndMultiply(drPre) + p.Wxz.TransposeThisAndMultiply(dzPre) + p.Wxn.TransposeThisAndMultiply(dnPre);
        var dhPrev = p.Whr.TransposeThisAndMultiply(drPre) + p.Whz.TransposeThisAndMultiply(dzPre) + p.Whn.TransposeThisAndMultiply(dHidden);
        if (flaw != GruFlaw.NoDirectPath) dhPrev += dh.PointwiseMultiply(c.Z);
        return new GruCellGradients(dx, dhPrev,
            drPre.TransposeAndMultiply(c.X), drPre.TransposeAndMultiply(c.HPrev), drPre.RowSums().ToColumnMatrix(),
            dzPre.TransposeAndMultiply(c.X), dzPre.TransposeAndMultiply(c.HPrev), dzPre.RowSums().ToColumnMatrix(),
            dnPre.TransposeAndMultiply(c.X), (flaw == GruFlaw.WhnWithoutReset ? dnPre : dHidden).TransposeAndMultiply(c.HPrev),
            dnPre.RowSums().ToColumnMatrix(), dHidden.RowSums().ToColumnMatrix());
    }
}
