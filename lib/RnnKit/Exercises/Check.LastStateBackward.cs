using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

/// <summary>
/// The gradients of an N:1 reader (lesson 11): a tanh RNN reads a padded batch, each sequence is classified from
/// its own last state a⟨T_b⟩ by ŷ = softmax(Wya·a⟨T_b⟩ + by), and L is the mean cross-entropy over the batch.
/// </summary>
/// <param name="DWya">(n_y, n_a).</param>
/// <param name="Dby">(n_y, 1).</param>
/// <param name="Dx">∂L/∂x⟨t⟩ for t = 1 … T, each (n_x, m); zero in a column past that sequence's length.</param>
/// <param name="Da0">∂L/∂a⟨0⟩ (n_a, m).</param>
/// <param name="DWax">(n_a, n_x), summed over the steps.</param>
/// <param name="DWaa">(n_a, n_a), summed over the steps.</param>
/// <param name="Dba">(n_a, 1), summed over the steps and the examples.</param>
public sealed record LastStateGradients(Matrix<double> DWya, Matrix<double> Dby, IReadOnlyList<Matrix<double>> Dx,
    Matrix<double> Da0, Matrix<double> DWax, Matrix<double> DWaa, Matrix<double> Dba);

public static partial class Check
{
    /// <summary>
    /// Checks a student's backward pass of the N:1 reader (lesson 11) on a padded batch whose sequences have
    /// different lengths: every gradient compared on its own, a wrong one matched against the usual mistakes (the
    /// gradient entering at the padded end T instead of each sequence's own last step, or at every step as in an N:N
    /// model; the label's one-hot not subtracted; the batch's sum instead of its mean; and backpropagation through
    /// time's own mistakes) and named, with the parts already right.
    /// </summary>
    /// <param name="backward">The student's function (caches, lengths, labels, Wya, by) → gradients. caches[t] is
    /// the cache of step t + 1 for the whole padded batch (m columns); lengths[b] and labels[b] are sequence b's.</param>
    /// <param name="sizes">The sizes to test with (the batch needs at least 3 examples).</param>
    /// <param name="classes">n_y (default 3).</param>
    /// <param name="steps">T, the padded length (default 5).</param>
    public static void LastStateBackward(
        Func<IReadOnlyList<RnnCellCache>, int[], int[], Matrix<double>, Matrix<double>, LastStateGradients?> backward,
        StepSizes? sizes = null, int classes = 3, int steps = 5)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var (nx, na, m, seed) = sizes ?? StepSizes.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 3);
        var rng = new Random(seed + 4000);
        Matrix<double> wax = Uniform(na, nx, rng), waa = Uniform(na, na, rng), ba = Uniform(na, 1, rng);
        Matrix<double> wya = Uniform(classes, na, rng), by = Uniform(classes, 1, rng);
        var caches = new List<RnnCellCache>();
        var a = Uniform(na, m, rng);
        for (var t = 0; t < steps; t++)
        {
            caches.Add(RnnForwardStep(Uniform(nx, m, rng), a, wax, waa, ba));
            a = caches[^1].ANext;
        }
        // Lengths from 1 to T, the first sequence full, the second of length 1: where the gradient enters shows.
        var lengths = Enumerable.Range(0, m).Select(b => b == 0 ? steps : b == 1 ? 1 : 1 + rng.Next(steps)).ToArray();
        var labels = Enumerable.Range(0, m).Select(_ => rng.Next(classes)).ToArray();
        var what = Feedback.ReaderWhat(steps, string.Join(", ", lengths));

        var actual = Calling(what, () => backward(caches, (int[])lengths.Clone(), (int[])labels.Clone(), wya.Clone(), by.Clone()));
        if (actual is null) Fail(Feedback.ReturnedNull(what));
        if (actual.Dx is null || actual.Dx.Count != steps)
            Fail(Feedback.ReaderDxCount(what, actual.Dx?.Count ?? 0, steps));
        Mistake Reader(ReaderFlaw flaw, string hint) => new(hint, Named(ReaderBackward(caches, lengths, labels, wya, by, flaw, CellFlaw.None, LoopFlaw.None)));
        Terms(what, Named(actual), Named(ReaderBackward(caches, lengths, labels, wya, by, ReaderFlaw.None, CellFlaw.None, LoopFlaw.None)),
        [
            Reader(ReaderFlaw.AtPaddedEnd, Feedback.ReaderAtPaddedEnd),
            Reader(ReaderFlaw.EveryStep, Feedback.ReaderEveryStep),
            Reader(ReaderFlaw.NoOneHot, Feedback.ReaderNoOneHot),
            Reader(ReaderFlaw.Summed, Feedback.ReaderSummed),
            new(Feedback.ReaderNotCarried, Named(ReaderBackward(caches, lengths, labels, wya, by, ReaderFlaw.None, CellFlaw.None, LoopFlaw.NotCarried))),
            new(Feedback.Overwritten, Named(ReaderBackward(caches, lengths, labels, wya, by, ReaderFlaw.None, CellFlaw.None, LoopFlaw.Overwritten))),
            .. CellFlaws.Select(f => new Mistake(Feedback.InTheCellStep(f.Hint),
                Named(ReaderBackward(caches, lengths, labels, wya, by, ReaderFlaw.None, f.Flaw, LoopFlaw.None)))),
        ], m);
    }

    /// <summary>The mistakes of the reader's output end.</summary>
    private enum ReaderFlaw { None, AtPaddedEnd, EveryStep, NoOneHot, Summed }

    /// <summary>The reference backward pass of the N:1 reader, or a variant with one flaw.</summary>
    private static LastStateGradients ReaderBackward(IReadOnlyList<RnnCellCache> caches, int[] lengths, int[] labels,
        Matrix<double> wya, Matrix<double> by, ReaderFlaw flaw, CellFlaw cellFlaw, LoopFlaw loopFlaw)
    {
        var (steps, m) = (caches.Count, lengths.Length);
        int Last(int b) => flaw == ReaderFlaw.AtPaddedEnd ? steps - 1 : lengths[b] - 1;
        var aLast = Matrix<double>.Build.Dense(caches[0].ANext.RowCount, m, (i, b) => caches[Last(b)].ANext[i, b]);
        var logits = wya * aLast;
        for (var b = 0; b < m; b++) logits.SetColumn(b, logits.Column(b) + by.Column(0));
        var dz = Activations.Softmax(logits);
        if (flaw != ReaderFlaw.NoOneHot)
            for (var b = 0; b < m; b++) dz[labels[b], b] -= 1;
        if (flaw != ReaderFlaw.Summed) dz /= m;
        var dLast = wya.TransposeThisAndMultiply(dz);
        var da = Enumerable.Range(0, steps).Select(t => Matrix<double>.Build.Dense(dLast.RowCount, m, (i, b) =>
            t == Last(b) || (flaw == ReaderFlaw.EveryStep && t < lengths[b]) ? dLast[i, b] : 0)).ToList();
        var rnn = Bptt(da, caches, cellFlaw, loopFlaw);
        return new LastStateGradients(dz.TransposeAndMultiply(aLast), dz.RowSums().ToColumnMatrix(), rnn.Dx, rnn.Da0, rnn.DWax, rnn.DWaa, rnn.Dba);
    }

    private static IReadOnlyList<(string, Matrix<double>?)> Named(LastStateGradients g) =>
    [
        ("dWya", g.DWya), ("dby", g.Dby),
        .. (g.Dx ?? []).Select((dx, t) => ($"dx⟨{t + 1}⟩", (Matrix<double>?)dx)),
        ("da0", g.Da0), ("dWax", g.DWax), ("dWaa", g.DWaa), ("dba", g.Dba),
    ];
}
