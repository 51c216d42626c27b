using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>
/// Lesson 11's N:1 backward pass names the mistake: gradients taken by finite differences of the reader's loss pass
/// (so the check's reference is the true gradient), and each test feeds one known mistake and asserts the message
/// names it and the parts already right.
/// </summary>
public class CheckLastStateBackwardTests
{
    /// <summary>A student's backward pass, right unless <paramref name="mistake"/> names one.</summary>
    private static LastStateGradients Student(IReadOnlyList<RnnCellCache> caches, int[] lengths, int[] labels,
        Matrix<double> wya, Matrix<double> by, string mistake = "")
    {
        var (steps, m) = (caches.Count, lengths.Length);
        int Last(int b) => mistake == "padded end" ? steps - 1 : lengths[b] - 1;
        var aLast = Matrix<double>.Build.Dense(wya.ColumnCount, m, (i, b) => caches[Last(b)].ANext[i, b]);
        var dz = Activations.Softmax(wya * aLast + by * Matrix<double>.Build.Dense(1, m, 1.0));
        if (mistake != "no one-hot") for (var b = 0; b < m; b++) dz[labels[b], b] -= 1;
        if (mistake != "summed") dz /= m;
        var dLast = wya.Transpose() * dz;
        var first = caches[0];
        var (dWax, dWaa, dba, daNext) = (first.Wax * 0, first.Waa * 0, first.Ba * 0, first.APrev * 0);
        var dx = new Matrix<double>[steps];
        for (var t = steps - 1; t >= 0; t--)
        {
            var fromOutput = Matrix<double>.Build.Dense(dLast.RowCount, m, (i, b) =>
                t == Last(b) || (mistake == "every step" && t < lengths[b]) ? dLast[i, b] : 0);
            var c = caches[t];
            var da = mistake == "not carried" ? fromOutput : fromOutput + daNext;
            var dzCell = mistake == "no tanh derivative" ? da : da.PointwiseMultiply(c.ANext.Map(a => 1 - a * a));
            dx[t] = c.Wax.Transpose() * dzCell;
            daNext = c.Waa.Transpose() * dzCell;
            dWax += dzCell * c.Xt.Transpose();
            dWaa += dzCell * (mistake == "dWaa with a_next" ? c.ANext : c.APrev).Transpose();
            dba += dzCell.RowSums().ToColumnMatrix();
        }
        return new LastStateGradients(dz * aLast.Transpose(), dz.RowSums().ToColumnMatrix(), dx, daNext, dWax, dWaa, dba);
    }

    private static string Failure(string mistake) => Assert.Throws<CheckFailedException>(() =>
        Check.LastStateBackward((c, l, y, w, b) => Student(c, l, y, w, b, mistake))).Message;

    [Fact]
    public void A_right_backward_pass_passes() => Check.LastStateBackward((c, l, y, w, b) => Student(c, l, y, w, b));

    [Fact]
    public void Gradients_by_finite_differences_pass_the_check() => Check.LastStateBackward((caches, lengths, labels, wya, by) =>
    {
        // The reader's loss recomputed from the inputs the caches hold, differentiated numerically: owes nothing to the
        // check's reference. Entries are perturbed in copies, one at a time.
        var xs = caches.Select(c => c.Xt).ToList();
        var (a0, wax, waa, ba) = (caches[0].APrev, caches[0].Wax, caches[0].Waa, caches[0].Ba);
        var m = lengths.Length;
        double Loss(IReadOnlyList<Matrix<double>> x, Matrix<double> start, Matrix<double> wx, Matrix<double> wa, Matrix<double> b,
            Matrix<double> wy, Matrix<double> bY)
        {
            var states = new List<Matrix<double>>();
            var a = start;
            foreach (var xt in x)
            {
                a = (wx * xt + wa * a + b * Matrix<double>.Build.Dense(1, m, 1.0)).Map(Math.Tanh);
                states.Add(a);
            }
            var total = 0.0;
            for (var e = 0; e < m; e++)
            {
                var logits = wy * states[lengths[e] - 1].Column(e) + bY.Column(0);
                var max = logits.Max();
                total += max + Math.Log(logits.Sum(z => Math.Exp(z - max))) - logits[labels[e]];
            }
            return total / m;
        }
        const double h = 1e-6;
        Matrix<double> D(Matrix<double> at, Func<Matrix<double>, double> loss) => Matrix<double>.Build.Dense(at.RowCount, at.ColumnCount, (i, j) =>
        {
            var up = at.Clone(); up[i, j] += h;
            var down = at.Clone(); down[i, j] -= h;
            return (loss(up) - loss(down)) / (2 * h);
        });
        var dx = xs.Select((xt, t) => D(xt, p => Loss([.. xs.Select((x, k) => k == t ? p : x)], a0, wax, waa, ba, wya, by))).ToList();
        return new LastStateGradients(D(wya, p => Loss(xs, a0, wax, waa, ba, p, by)), D(by, p => Loss(xs, a0, wax, waa, ba, wya, p)), dx,
            D(a0, p => Loss(xs, p, wax, waa, ba, wya, by)), D(wax, p => Loss(xs, a0, p, waa, ba, wya, by)),
            D(waa, p => Loss(xs, a0, wax, p, ba, wya, by)), D(ba, p => Loss(xs, a0, wax, waa, p, wya, by)));
    }, new StepSizes(InputSize: 2, HiddenSize: 3, Batch: 4, Seed: 3), classes: 3, steps: 4);

    [Theory]
    [InlineData("padded end", "every sequence is read at the padded end T")]
    [InlineData("every step", "the output's gradient enters at every step")]
    [InlineData("no one-hot", "subtract 1 at each sequence's label")]
    [InlineData("summed", "divide dz = ŷ − y by m")]
    [InlineData("not carried", "the gradient from the next step is not added")]
    [InlineData("no tanh derivative", "in the cell's backward step, the tanh derivative is missing")]
    [InlineData("dWaa with a_next", "dWaa uses a⟨t⟩")]
    public void Each_mistake_is_named(string mistake, string expected) => Assert.Contains(expected, Failure(mistake));

    [Fact]
    public void A_mistake_inside_the_loop_leaves_the_output_layers_gradients_right()
    {
        var message = Failure("not carried");
        Assert.Contains("Right already: dWya, dby", message);
        Assert.Contains("dWaa is wrong: in the cell's backward step", Failure("dWaa with a_next"));
    }

    [Fact]
    public void A_null_answer_and_a_missing_step_are_explained()
    {
        Assert.Contains("returned null", Assert.Throws<CheckFailedException>(() => Check.LastStateBackward((_, _, _, _, _) => null)).Message);
        var message = Assert.Throws<CheckFailedException>(() => Check.LastStateBackward((c, l, y, w, b) =>
        {
            var g = Student(c, l, y, w, b);
            return g with { Dx = g.Dx.Skip(1).ToList() };
        })).Message;
        Assert.Contains("returned 4 input gradients dx, expected 5", message);
    }

    [Fact]
    public void The_mistake_is_named_in_chinese_when_the_run_is_chinese()
    {
        using var _ = KitSettings.Use(new KitSettings(Language: KitSettings.Chinese));
        Assert.Contains("每个序列都在填充后的末尾 T 处读取", Failure("padded end"));
    }
}
