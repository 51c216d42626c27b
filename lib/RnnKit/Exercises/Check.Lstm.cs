using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

public static partial class Check
{
    /// <summary>
    /// Checks a student's LSTM step in the concatenated form (deeplearning.ai's <c>lstm_cell_forward</c>): a⟨t⟩, c⟨t⟩
    /// and the four gate values are compared one by one, and a wrong answer is matched against the usual mistakes —
    /// [x; a] concatenated in the wrong order, a sigmoid candidate, the forget and update gates swapped, the tanh of
    /// c⟨t⟩ left out of a⟨t⟩, a gate squashed with tanh.
    /// </summary>
    /// <param name="cellForward">The student's function (xt, a_prev, c_prev, parameters) → the step's cache.</param>
    /// <param name="sizes">The sizes to test with (n_x ≠ n_a, so the concatenation's order matters).</param>
    public static void LstmCellForward(Func<Matrix<double>, Matrix<double>, Matrix<double>, LstmParameters, LstmCellCache?> cellForward,
        StepSizes? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(cellForward);
        var (nx, na, m, seed) = sizes ?? StepSizes.Default;
        var rng = new Random(seed + 2000);
        var p = LstmWeights(nx, na, rng);
        Matrix<double> xt = Uniform(nx, m, rng), aPrev = Uniform(na, m, rng), cPrev = Uniform(na, m, rng);
        var actual = Calling("LstmCellForward", () => cellForward(xt, aPrev, cPrev, p));
        Mistake Flawed(LstmForwardFlaw flaw, string hint) => new(hint, Named(LstmForward(xt, aPrev, cPrev, p, flaw)));
        Gradients("LstmCellForward", Named(actual), Named(LstmForward(xt, aPrev, cPrev, p, LstmForwardFlaw.None)),
        [
            Flawed(LstmForwardFlaw.ConcatenationSwapped, Feedback.ConcatenationSwapped),
            Flawed(LstmForwardFlaw.SigmoidCandidate, Feedback.SigmoidCandidate),
            Flawed(LstmForwardFlaw.GatesSwapped, Feedback.GatesSwapped),
            Flawed(LstmForwardFlaw.NoTanhOfCell, Feedback.NoTanhOfCell),
            Flawed(LstmForwardFlaw.TanhGates, Feedback.TanhGates),
        ], m);
    }

    /// <summary>
    /// Checks a student's LSTM backward step (deeplearning.ai's <c>lstm_cell_backward</c>): from ∂L/∂a⟨t⟩ and
    /// ∂L/∂c⟨t⟩ and the step's cache, the gradients of x⟨t⟩, a⟨t−1⟩, c⟨t−1⟩ and of every gate's weights and bias.
    /// Each is compared on its own; a wrong one is matched against the usual mistakes — the forget gate's gradient
    /// without c⟨t−1⟩, the cell's gradient without the path through a⟨t⟩, dc_prev without Γf, the derivative of
    /// tanh(c⟨t⟩) left out, a gate's derivative written Γ instead of Γ(1 − Γ).
    /// </summary>
    /// <param name="cellBackward">The student's function (da_next, dc_next, cache) → gradients.</param>
    /// <param name="sizes">The sizes to test with.</param>
    public static void LstmCellBackward(Func<Matrix<double>, Matrix<double>, LstmCellCache, LstmCellGradients?> cellBackward,
        StepSizes? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(cellBackward);
        var (nx, na, m, seed) = sizes ?? StepSizes.Default;
        var rng = new Random(seed + 3000);
        var p = LstmWeights(nx, na, rng);
        var cache = LstmForward(Uniform(nx, m, rng), Uniform(na, m, rng), Uniform(na, m, rng), p, LstmForwardFlaw.None);
        Matrix<double> daNext = Uniform(na, m, rng), dcNext = Uniform(na, m, rng);
        var actual = Calling("LstmCellBackward", () => cellBackward(daNext, dcNext, cache));
        Mistake Flawed(LstmBackwardFlaw flaw, string hint) => new(hint, Named(LstmBackward(daNext, dcNext, cache, flaw)));
        Gradients("LstmCellBackward", Named(actual), Named(LstmBackward(daNext, dcNext, cache, LstmBackwardFlaw.None)),
        [
            Flawed(LstmBackwardFlaw.ForgetWithoutPreviousCell, Feedback.ForgetWithoutPreviousCell),
            Flawed(LstmBackwardFlaw.NoPathThroughOutput, Feedback.NoPathThroughOutput),
            Flawed(LstmBackwardFlaw.PreviousCellWithoutForget, Feedback.PreviousCellWithoutForget),
            Flawed(LstmBackwardFlaw.NoTanhDerivativeOfCell, Feedback.NoTanhDerivativeOfCell),
            Flawed(LstmBackwardFlaw.GateDerivativeWithoutComplement, Feedback.GateDerivativeWithoutComplement),
        ], m);
    }

    private static LstmParameters LstmWeights(int nx, int na, Random rng) => new(
        Uniform(na, na + nx, rng), Uniform(na, 1, rng), Uniform(na, na + nx, rng), Uniform(na, 1, rng),
        Uniform(na, na + nx, rng), Uniform(na, 1, rng), Uniform(na, na + nx, rng), Uniform(na, 1, rng));

    private static IReadOnlyList<(string, Matrix<double>?)> Named(LstmCellCache? c) =>
        [("a_next", c?.ANext), ("c_next", c?.CNext), ("Γf (ft)", c?.Ft), ("Γi (it)", c?.It), ("c̃ (cct)", c?.Cct), ("Γo (ot)", c?.Ot)];

    private static IReadOnlyList<(string, Matrix<double>?)> Named(LstmCellGradients? g) =>
    [
        ("dxt", g?.Dxt), ("da_prev", g?.DaPrev), ("dc_prev", g?.DcPrev), ("dWf", g?.DWf), ("dbf", g?.Dbf), ("dWi", g?.DWi),
        ("dbi", g?.Dbi), ("dWc", g?.DWc), ("dbc", g?.Dbc), ("dWo", g?.DWo), ("dbo", g?.Dbo),
    ];

    private enum LstmForwardFlaw { None, ConcatenationSwapped, SigmoidCandidate, GatesSwapped, NoTanhOfCell, TanhGates }

    private static Matrix<double> Sigmoid(Matrix<double> z) => z.Map(v => 1 / (1 + Math.Exp(-v)));

    /// <summary>W·concat + b, with b added to every column.</summary>
    private static Matrix<double> Affine(Matrix<double> w, Matrix<double> concat, Matrix<double> b)
    {
        var z = w * concat;
        for (var j = 0; j < z.ColumnCount; j++) z.SetColumn(j, z.Column(j) + b.Column(0));
        return z;
    }

    private static LstmCellCache LstmForward(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> cPrev, LstmParameters p, LstmForwardFlaw flaw)
    {
        var concat = flaw == LstmForwardFlaw.ConcatenationSwapped ? xt.Stack(aPrev) : aPrev.Stack(xt);
        Func<Matrix<double>, Matrix<double>> gate = flaw == LstmForwardFlaw.TanhGates ? z => z.Map(Math.Tanh) : Sigmoid;
        var ft = gate(Affine(p.Wf, concat, p.Bf));
        var it = gate(Affine(p.Wi, concat, p.Bi));
        var cct = flaw == LstmForwardFlaw.SigmoidCandidate ? Sigmoid(Affine(p.Wc, concat, p.Bc)) : Affine(p.Wc, concat, p.Bc).Map(Math.Tanh);
        var cNext = flaw == LstmForwardFlaw.GatesSwapped
            ? it.PointwiseMultiply(cPrev) + ft.PointwiseMultiply(cct)
            : ft.PointwiseMultiply(cPrev) + it.PointwiseMultiply(cct);
        var ot = gate(Affine(p.Wo, concat, p.Bo));
        var aNext = ot.PointwiseMultiply(flaw == LstmForwardFlaw.NoTanhOfCell ? cNext : cNext.Map(Math.Tanh));
        return new LstmCellCache(aNext, cNext, aPrev, cPrev, ft, it, cct, ot, xt, p);
    }

    private enum LstmBackwardFlaw
    {
        None, ForgetWithoutPreviousCell, NoPathThroughOutput, PreviousCellWithoutForget, NoTanhDerivativeOfCell, GateDerivativeWithoutComplement,
    }

    private static LstmCellGradients LstmBackward(Matrix<double> daNext, Matrix<double> dcNext, LstmCellCache c, LstmBackwardFlaw flaw)
    {
        var p = c.Parameters;
        var na = c.ANext.RowCount;
        var tanhC = c.CNext.Map(Math.Tanh);
        Matrix<double> GateDerivative(Matrix<double> g) =>
            flaw == LstmBackwardFlaw.GateDerivativeWithoutComplement ? g : g.PointwiseMultiply(g.Map(v => 1 - v));
        var throughOutput = daNext.PointwiseMultiply(c.Ot);
        if (flaw != LstmBackwardFlaw.NoTanhDerivativeOfCell) throughOutput = throughOutput.PointwiseMultiply(tanhC.Map(v => 1 - v * v));
        var dc = flaw == LstmBackwardFlaw.NoPathThroughOutput ? dcNext : dcNext + throughOutput;
        var dot = daNext.PointwiseMultiply(tanhC).PointwiseMultiply(GateDerivative(c.Ot));
        var dcct = dc.PointwiseMultiply(c.It).PointwiseMultiply(c.Cct.Map(v => 1 - v * v));
        var dit = dc.PointwiseMultiply(c.Cct).PointwiseMultiply(GateDerivative(c.It));
        var dft = (flaw == LstmBackwardFlaw.ForgetWithoutPreviousCell ? dc : dc.PointwiseMultiply(c.CPrev)).PointwiseMultiply(GateDerivative(c.Ft));
        var concat = c.APrev.Stack(c.Xt);
        var dConcat = p.Wf.TransposeThisAndMultiply(dft) + p.Wi.TransposeThisAndMultiply(dit)
                      + p.Wc.TransposeThisAndMultiply(dcct) + p.Wo.TransposeThisAndMultiply(dot);
        return new LstmCellGradients(
            dConcat.SubMatrix(na, dConcat.RowCount - na, 0, dConcat.ColumnCount),
            dConcat.SubMatrix(0, na, 0, dConcat.ColumnCount),
            flaw == LstmBackwardFlaw.PreviousCellWithoutForget ? dc : dc.PointwiseMultiply(c.Ft),
            dft.TransposeAndMultiply(concat), dft.RowSums().ToColumnMatrix(),
            dit.TransposeAndMultiply(concat), dit.RowSums().ToColumnMatrix(),
            dcct.TransposeAndMultiply(concat), dcct.RowSums().ToColumnMatrix(),
            dot.TransposeAndMultiply(concat), dot.RowSums().ToColumnMatrix());
    }
}
