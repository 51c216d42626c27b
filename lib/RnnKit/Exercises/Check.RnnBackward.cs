using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

public static partial class Check
{
    /// <summary>
    /// Checks a student's backward step of the vanilla RNN cell (deeplearning.ai's <c>rnn_cell_backward</c>): from
    /// ∂L/∂a⟨t⟩ and the forward step's cache, the five gradients dxt, da_prev, dWax, dWaa, dba. Each gradient is
    /// compared on its own; a wrong one is matched against the usual mistakes (the tanh derivative missing or taken
    /// at the wrong state, dWaa with a⟨t⟩, a bias gradient averaged or summed over the wrong axis, a transposed
    /// product) and the message names the one that fits.
    /// </summary>
    /// <param name="cellBackward">The student's function (da_next, cache) → gradients.</param>
    /// <param name="sizes">The sizes to test with (distinct, so a transposed product shows as a shape).</param>
    public static void RnnCellBackward(Func<Matrix<double>, RnnCellCache, RnnCellGradients?> cellBackward, StepSizes? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(cellBackward);
        var (nx, na, m, seed) = sizes ?? StepSizes.Default;
        var rng = new Random(seed);
        var cache = RnnForwardStep(Uniform(nx, m, rng), Uniform(na, m, rng), Uniform(na, nx, rng), Uniform(na, na, rng), Uniform(na, 1, rng));
        var daNext = Uniform(na, m, rng);
        var actual = Calling("RnnCellBackward", () => cellBackward(daNext, cache));
        Gradients("RnnCellBackward", Named(actual), Named(CellBackward(daNext, cache, CellFlaw.None)),
            [.. CellFlaws.Select(f => new Mistake(f.Hint, Named(CellBackward(daNext, cache, f.Flaw))))], m);
    }

    /// <summary>
    /// Checks a student's backpropagation through time over a whole sequence (deeplearning.ai's <c>rnn_backward</c>):
    /// from the gradients flowing into every a⟨t⟩ from the outputs, and the caches of the forward pass, the gradient
    /// of every input, of a⟨0⟩, and of the weights summed over the steps. A wrong answer is matched against the usual
    /// mistakes of the loop — the gradient from step t+1 not added, the loop run forward in time, the weight
    /// gradients overwritten instead of summed — and against the cell step's own mistakes.
    /// </summary>
    /// <param name="backward">The student's function (da for t = 1 … T_x, caches) → gradients.</param>
    /// <param name="sizes">The sizes to test with.</param>
    /// <param name="steps">T_x, the sequence length (default 4).</param>
    public static void RnnBackward(Func<IReadOnlyList<Matrix<double>>, IReadOnlyList<RnnCellCache>, RnnGradients?> backward,
        StepSizes? sizes = null, int steps = 4)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        var (nx, na, m, seed) = sizes ?? StepSizes.Default;
        var rng = new Random(seed + 1000);
        Matrix<double> wax = Uniform(na, nx, rng), waa = Uniform(na, na, rng), ba = Uniform(na, 1, rng);
        var caches = new List<RnnCellCache>();
        var a = Uniform(na, m, rng);
        for (var t = 0; t < steps; t++)
        {
            caches.Add(RnnForwardStep(Uniform(nx, m, rng), a, wax, waa, ba));
            a = caches[^1].ANext;
        }
        var da = Enumerable.Range(0, steps).Select(_ => Uniform(na, m, rng)).ToList();
        var actual = Calling("RnnBackward", () => backward(da, caches));
        if (actual is null) Fail(Feedback.ReturnedNull("RnnBackward"));
        if (actual.Dx.Count != steps)
            Fail(Feedback.WrongStepCount("RnnBackward", actual.Dx.Count, steps));
        Mistake Loop(LoopFlaw flaw, string hint) => new(hint, Named(Bptt(da, caches, CellFlaw.None, flaw)));
        Gradients("RnnBackward", Named(actual), Named(Bptt(da, caches, CellFlaw.None, LoopFlaw.None)),
        [
            Loop(LoopFlaw.NotCarried, Feedback.NotCarried),
            Loop(LoopFlaw.ForwardInTime, Feedback.ForwardInTime),
            Loop(LoopFlaw.Overwritten, Feedback.Overwritten),
            .. CellFlaws.Select(f => new Mistake(Feedback.InTheCellStep(f.Hint), Named(Bptt(da, caches, f.Flaw, LoopFlaw.None)))),
        ], m);
    }

    /// <summary>A wrong variant of the reference answer, and what it tells the student.</summary>
    private sealed record Mistake(string Hint, IReadOnlyList<(string Name, Matrix<double>? Value)> Values);

    /// <summary>
    /// Compares each named value with the reference; for each wrong one finds a mistake whose variant gives exactly
    /// the student's value, or says what its shape suggests. Fails with one line per wrong value and the right ones
    /// named, so the student knows which parts already work.
    /// </summary>
    private static void Gradients(string what, IReadOnlyList<(string Name, Matrix<double>? Value)> actual,
        IReadOnlyList<(string Name, Matrix<double>? Value)> expected, IReadOnlyList<Mistake> mistakes, int examples)
    {
        var wrong = new List<string>();
        var right = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            var (name, reference) = expected[i];
            var value = actual[i].Value;
            var problem = Compare(name, value, reference!, Tolerance.Default);
            if (problem is null)
            {
                right.Add(name);
                continue;
            }
            var named = mistakes.FirstOrDefault(mk => mk.Values[i].Value is { } variant && Compare(name, value, variant, Tolerance.Default) is null);
            wrong.Add(named is not null ? Feedback.GradientWrong(name, named.Hint)
                : ShapeHint(name, value, reference!, examples) is { } hint ? Feedback.GradientShapeHint(name, hint)
                : problem);
        }
        if (wrong.Count == 0) return;
        Fail(Feedback.Gradients(what, string.Join(Feedback.SentenceGap, wrong), string.Join(Feedback.Comma, right)));
    }

    /// <summary>What a value's wrong shape suggests: a transposed product, or a bias gradient not summed over the examples.</summary>
    private static string? ShapeHint(string name, Matrix<double>? value, Matrix<double> expected, int examples)
    {
        if (value is null || (value.RowCount == expected.RowCount && value.ColumnCount == expected.ColumnCount)) return null;
        var shapes = Feedback.ItHasShape(RnnKit.Shape.Of(value), RnnKit.Shape.Of(expected));
        if (value.RowCount == expected.ColumnCount && value.ColumnCount == expected.RowCount)
            return Feedback.Transposed(shapes);
        if (expected.ColumnCount == 1 && value.ColumnCount == examples && value.RowCount == expected.RowCount)
            return Feedback.BiasNotSummed(shapes, examples);
        if (expected.ColumnCount == 1 && value.RowCount == 1 && value.ColumnCount == examples)
            return Feedback.SummedOverUnits(shapes);
        return Feedback.ShapesOnly(shapes);
    }

    /// <summary>Runs the student's function; a product of mismatched shapes becomes feedback, "not done yet" passes through.</summary>
    private static T Calling<T>(string what, Func<T> student)
    {
        try
        {
            return student();
        }
        catch (ArgumentException e) when (Thrown(e) is not ArgumentNullException && Thrown(e).Message.Contains("dimension", StringComparison.OrdinalIgnoreCase))
        {
            Fail(Feedback.MismatchedProduct(what, Thrown(e).GetType().Name, Thrown(e).Message));
            return default!;
        }
    }

    /// <summary>
    /// The exception the student's code threw: <paramref name="e"/> itself, or, when a grader called the student's
    /// code in another process and threw it again, the original it carries as its inner exception.
    /// </summary>
    private static ArgumentException Thrown(ArgumentException e) => e.InnerException as ArgumentException ?? e;

    private static IReadOnlyList<(string, Matrix<double>?)> Named(RnnCellGradients? g) =>
        [("dxt", g?.Dxt), ("da_prev", g?.DaPrev), ("dWax", g?.DWax), ("dWaa", g?.DWaa), ("dba", g?.Dba)];

    private static IReadOnlyList<(string, Matrix<double>?)> Named(RnnGradients g) =>
        [.. g.Dx.Select((dx, t) => ($"dx⟨{t + 1}⟩", (Matrix<double>?)dx)), ("da0", g.Da0), ("dWax", g.DWax), ("dWaa", g.DWaa), ("dba", g.Dba)];

    /// <summary>a_next = tanh(Wax·xt + Waa·a_prev + ba) and the cache of the step.</summary>
    private static RnnCellCache RnnForwardStep(Matrix<double> xt, Matrix<double> aPrev, Matrix<double> wax, Matrix<double> waa, Matrix<double> ba)
    {
        var z = RnnPreActivation(new Dictionary<string, Matrix<double>> { ["xt"] = xt, ["a_prev"] = aPrev, ["Wax"] = wax, ["Waa"] = waa, ["ba"] = ba });
        return new RnnCellCache(z.Map(Math.Tanh), aPrev, xt, wax, waa, ba);
    }

    /// <summary>The mistakes a cell backward step is checked against.</summary>
    private enum CellFlaw { None, NoTanhDerivative, DerivativeAtPreviousState, DerivativeNotSquared, DWaaWithANext, BiasAveraged }

    /// <summary>Each flaw with its hint, in the run's language (<see cref="Feedback"/>).</summary>
    private static (CellFlaw Flaw, string Hint)[] CellFlaws =>
    [
        (CellFlaw.NoTanhDerivative, Feedback.NoTanhDerivative),
        (CellFlaw.DerivativeAtPreviousState, Feedback.DerivativeAtPreviousState),
        (CellFlaw.DerivativeNotSquared, Feedback.DerivativeNotSquared),
        (CellFlaw.DWaaWithANext, Feedback.DWaaWithANext),
        (CellFlaw.BiasAveraged, Feedback.BiasAveraged),
    ];

    /// <summary>The reference backward step, or the variant with one <paramref name="flaw"/>.</summary>
    private static RnnCellGradients CellBackward(Matrix<double> daNext, RnnCellCache c, CellFlaw flaw)
    {
        var dz = flaw switch
        {
            CellFlaw.NoTanhDerivative => daNext.Clone(),
            CellFlaw.DerivativeAtPreviousState => daNext.PointwiseMultiply(c.APrev.Map(a => 1 - a * a)),
            CellFlaw.DerivativeNotSquared => daNext.PointwiseMultiply(c.ANext.Map(a => 1 - a)),
            _ => daNext.PointwiseMultiply(c.ANext.Map(a => 1 - a * a)),
        };
        var dba = dz.RowSums().ToColumnMatrix();
        return new RnnCellGradients(
            c.Wax.TransposeThisAndMultiply(dz),
            c.Waa.TransposeThisAndMultiply(dz),
            dz.TransposeAndMultiply(c.Xt),
            dz.TransposeAndMultiply(flaw == CellFlaw.DWaaWithANext ? c.ANext : c.APrev),
            flaw == CellFlaw.BiasAveraged ? dba / dz.ColumnCount : dba);
    }

    /// <summary>The mistakes of the time loop a BPTT check is checked against.</summary>
    private enum LoopFlaw { None, NotCarried, ForwardInTime, Overwritten }

    /// <summary>Backpropagation through time with the reference step (or a flawed one) and the reference loop (or a flawed one).</summary>
    private static RnnGradients Bptt(IReadOnlyList<Matrix<double>> da, IReadOnlyList<RnnCellCache> caches, CellFlaw cellFlaw, LoopFlaw loopFlaw)
    {
        var first = caches[0];
        var dx = new Matrix<double>[caches.Count];
        Matrix<double> dWax = first.Wax * 0, dWaa = first.Waa * 0, dba = first.Ba * 0, daPrev = first.APrev * 0;
        var order = Enumerable.Range(0, caches.Count);
        foreach (var t in loopFlaw == LoopFlaw.ForwardInTime ? order : order.Reverse())
        {
            var step = CellBackward(loopFlaw == LoopFlaw.NotCarried ? da[t] : da[t] + daPrev, caches[t], cellFlaw);
            dx[t] = step.Dxt;
            daPrev = step.DaPrev;
            (dWax, dWaa, dba) = loopFlaw == LoopFlaw.Overwritten
                ? (step.DWax, step.DWaa, step.Dba)
                : (dWax + step.DWax, dWaa + step.DWaa, dba + step.Dba);
        }
        return new RnnGradients(dx, daPrev, dWax, dWaa, dba);
    }
}
