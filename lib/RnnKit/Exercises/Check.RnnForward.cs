using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

public static partial class Check
{
    /// <summary>
    /// Checks a student's forward pass of the vanilla RNN over a sequence (deeplearning.ai's <c>rnn_forward</c>):
    /// every state a⟨t⟩, every prediction ŷ⟨t⟩ and every cache, compared on their own. A wrong answer is matched
    /// against the usual mistakes of the loop — the steps taken in the wrong order, a⟨0⟩ left out, the state not
    /// carried, the cache holding a⟨t⟩ where a⟨t−1⟩ belongs, the prediction read from the previous state or left
    /// without its softmax, a bias left out — and the message names the one that fits, with the parts already right.
    /// </summary>
    /// <param name="forward">The student's function (x, a0, Wax, Waa, Wya, ba, by) → states, predictions, caches.
    /// Shapes: x[t] (n_x, m) for t = 0 … T_x − 1, a0 (n_a, m), Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a),
    /// ba (n_a, 1), by (n_y, 1).</param>
    /// <param name="sizes">The sizes to test with (distinct, so a transposed product shows as a shape).</param>
    /// <param name="outputs">n_y, the number of output classes (default 2).</param>
    /// <param name="steps">T_x, the sequence length (default 4).</param>
    public static void RnnForward(
        Func<IReadOnlyList<Matrix<double>>, Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, RnnForwardPass?> forward,
        StepSizes? sizes = null, int outputs = 2, int steps = 4)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 2);
        var (nx, na, m, seed) = sizes ?? StepSizes.Default;
        var rng = new Random(seed + 2000);
        var x = Enumerable.Range(0, steps).Select(_ => Uniform(nx, m, rng)).ToList();
        var p = new RnnWeights(Uniform(na, m, rng), Uniform(na, nx, rng), Uniform(na, na, rng), Uniform(outputs, na, rng),
            Uniform(na, 1, rng), Uniform(outputs, 1, rng));
        var actual = Calling("RnnForward", () => forward(x, p.A0.Clone(), p.Wax.Clone(), p.Waa.Clone(), p.Wya.Clone(), p.Ba.Clone(), p.By.Clone()));
        if (actual is null) Fail(Feedback.ForwardReturnedNull);
        foreach (var (name, count) in new[] { ("a", actual.A?.Count), ("y_pred", actual.YPred?.Count), ("caches", actual.Caches?.Count) })
        {
            if (count is null) Fail(Feedback.ForwardReturnedNo(name));
            if (count == steps + 1)
                Fail(Feedback.ForwardCountWithA0(count.Value, name, steps));
            if (count != steps)
                Fail(Feedback.ForwardCount(count.Value, name, steps));
        }
        if (actual.Caches!.Any(c => c is null)) Fail(Feedback.ForwardNullCache);

        SequenceValues("RnnForward", Named(actual), Named(SequenceForward(x, p, SequenceFlaw.None)),
            [.. SequenceFlaws.Select(f => new Mistake(f.Hint, Named(SequenceForward(x, p, f.Flaw))))], m);
    }

    /// <summary>The starting state and the weights of a forward-pass check.</summary>
    private sealed record RnnWeights(Matrix<double> A0, Matrix<double> Wax, Matrix<double> Waa, Matrix<double> Wya,
        Matrix<double> Ba, Matrix<double> By);

    /// <summary>The mistakes a forward pass over a sequence is checked against.</summary>
    private enum SequenceFlaw { None, Reversed, ReversedAppended, ZeroStart, NotCarried, CacheHoldsANext, PredictionFromPrevious, NoSoftmax, NoBa, NoBy }

    /// <summary>Each flaw with its hint, in the run's language (<see cref="Feedback"/>).</summary>
    private static (SequenceFlaw Flaw, string Hint)[] SequenceFlaws =>
    [
        (SequenceFlaw.Reversed, Feedback.WrongOrder),
        (SequenceFlaw.ReversedAppended, Feedback.WrongOrder),
        (SequenceFlaw.ZeroStart, Feedback.ZeroStart),
        (SequenceFlaw.NotCarried, Feedback.StateNotCarried),
        (SequenceFlaw.CacheHoldsANext, Feedback.CacheHoldsANext),
        (SequenceFlaw.PredictionFromPrevious, Feedback.PredictionFromPrevious),
        (SequenceFlaw.NoSoftmax, Feedback.NoSoftmax),
        (SequenceFlaw.NoBa, Feedback.NoBa),
        (SequenceFlaw.NoBy, Feedback.NoBy),
    ];

    /// <summary>The reference forward pass, or the variant with one <paramref name="flaw"/>.</summary>
    private static RnnForwardPass SequenceForward(IReadOnlyList<Matrix<double>> x, RnnWeights p, SequenceFlaw flaw)
    {
        var steps = x.Count;
        var a = new Matrix<double>[steps];
        var yPred = new Matrix<double>[steps];
        var caches = new RnnCellCache[steps];
        var ba = flaw == SequenceFlaw.NoBa ? p.Ba * 0 : p.Ba;
        var by = flaw == SequenceFlaw.NoBy ? p.By * 0 : p.By;
        var state = flaw == SequenceFlaw.ZeroStart ? p.A0 * 0 : p.A0;
        var order = Enumerable.Range(0, steps);
        foreach (var t in flaw is SequenceFlaw.Reversed or SequenceFlaw.ReversedAppended ? order.Reverse() : order)
        {
            var aPrev = flaw == SequenceFlaw.NotCarried ? p.A0 : state;
            var step = RnnForwardStep(x[t], aPrev, p.Wax, p.Waa, ba);
            var logits = p.Wya * (flaw == SequenceFlaw.PredictionFromPrevious ? aPrev : step.ANext);
            for (var j = 0; j < logits.ColumnCount; j++) logits.SetColumn(j, logits.Column(j) + by.Column(0));
            a[t] = step.ANext;
            yPred[t] = flaw == SequenceFlaw.NoSoftmax ? logits : Activations.Softmax(logits);
            caches[t] = flaw == SequenceFlaw.CacheHoldsANext ? step with { APrev = step.ANext } : step;
            state = step.ANext;
        }
        if (flaw == SequenceFlaw.ReversedAppended)
        {
            // The loop ran from the last step to the first and appended each result: the lists are in the order computed.
            Array.Reverse(a);
            Array.Reverse(yPred);
            Array.Reverse(caches);
        }
        return new RnnForwardPass(a, yPred, caches);
    }

    private static IReadOnlyList<(string, Matrix<double>?)> Named(RnnForwardPass pass) =>
    [
        .. pass.A.Select((a, t) => ($"a⟨{t + 1}⟩", (Matrix<double>?)a)),
        .. pass.YPred.Select((y, t) => ($"y_pred⟨{t + 1}⟩", (Matrix<double>?)y)),
        .. pass.Caches.SelectMany((c, t) => new (string, Matrix<double>?)[]
        {
            ($"caches[{t}].ANext", c.ANext), ($"caches[{t}].APrev", c.APrev), ($"caches[{t}].Xt", c.Xt),
            ($"caches[{t}].Wax", c.Wax), ($"caches[{t}].Waa", c.Waa), ($"caches[{t}].Ba", c.Ba),
        }),
    ];

    /// <summary>
    /// Compares a sequence of named values with the reference. A mistake that gives exactly the student's values
    /// everywhere is named once, with the first value it makes wrong; otherwise the first wrong value of each kind
    /// (a, y_pred, caches) is described. The kinds already right are named too.
    /// </summary>
    private static void SequenceValues(string what, IReadOnlyList<(string Name, Matrix<double>? Value)> actual,
        IReadOnlyList<(string Name, Matrix<double>? Value)> expected, IReadOnlyList<Mistake> mistakes, int examples)
    {
        static string Kind(string name) => name.StartsWith("a⟨", StringComparison.Ordinal) ? "a"
            : name.StartsWith("y_pred", StringComparison.Ordinal) ? "y_pred" : "caches";
        var wrong = Enumerable.Range(0, expected.Count)
            .Where(i => Compare(expected[i].Name, actual[i].Value, expected[i].Value!, Tolerance.Default) is not null).ToList();
        if (wrong.Count == 0) return;
        var kinds = new[] { "a", "y_pred", "caches" };
        var wrongKinds = wrong.Select(i => Kind(expected[i].Name)).Distinct().ToList();
        var right = kinds.Except(wrongKinds).ToList();
        var rightList = string.Join(Feedback.Comma, right);
        string Place(int i) => Feedback.ValueWrong(expected[i].Name, wrong.Count - 1);

        var fits = mistakes.FirstOrDefault(mk => Enumerable.Range(0, expected.Count)
            .All(i => Compare(expected[i].Name, actual[i].Value, mk.Values[i].Value!, Tolerance.Default) is null));
        if (fits is not null) Fail(Feedback.SequenceMistake(what, Place(wrong[0]), fits.Hint, rightList));

        var lines = wrongKinds.Select(kind =>
        {
            var i = wrong.First(w => Kind(expected[w].Name) == kind);
            var (name, reference) = expected[i];
            var value = actual[i].Value;
            var named = mistakes.FirstOrDefault(mk => mk.Values[i].Value is { } variant && Compare(name, value, variant, Tolerance.Default) is null);
            return named is not null ? Feedback.GradientWrong(name, named.Hint)
                : ShapeHint(name, value, reference!, examples) is { } hint ? Feedback.GradientShapeHint(name, hint)
                : Compare(name, value, reference!, Tolerance.Default);
        });
        Fail(Feedback.Gradients(what, string.Join(Feedback.SentenceGap, lines), rightList));
    }
}
