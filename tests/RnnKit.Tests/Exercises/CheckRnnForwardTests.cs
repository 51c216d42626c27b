using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>
/// The forward pass over a sequence (lesson 02's rnn_forward) names the mistake: a student's loop written with the
/// library's own RnnCell and OutputLayer passes (so the check's reference agrees with the library), and each test
/// feeds one known mistake and asserts the message names it.
/// </summary>
public class CheckRnnForwardTests
{
    /// <summary>A student's forward pass, right unless one switch puts a mistake in.</summary>
    private static RnnForwardPass Student(IReadOnlyList<Matrix<double>> x, Matrix<double> a0, Matrix<double> wax, Matrix<double> waa,
        Matrix<double> wya, Matrix<double> ba, Matrix<double> by, string mistake = "")
    {
        var a = new List<Matrix<double>>();
        var y = new List<Matrix<double>>();
        var caches = new List<RnnCellCache>();
        if (mistake == "a0 in the list") a.Add(a0);
        var state = mistake == "zero start" ? a0 * 0 : a0;
        var order = Enumerable.Range(0, x.Count).ToList();
        if (mistake.StartsWith("reversed", StringComparison.Ordinal)) order.Reverse();
        var results = new Matrix<double>[x.Count];
        var preds = new Matrix<double>[x.Count];
        var kept = new RnnCellCache[x.Count];
        foreach (var t in order)
        {
            var aPrev = mistake == "not carried" ? a0 : state;
            var z = wax * x[t] + waa * aPrev + (mistake == "no ba" ? 0 * ba : ba) * Matrix<double>.Build.Dense(1, x[t].ColumnCount, 1.0);
            var aNext = z.Map(Math.Tanh);
            var logits = wya * (mistake == "prediction from previous" ? aPrev : aNext) + by * Matrix<double>.Build.Dense(1, x[t].ColumnCount, 1.0);
            results[t] = aNext;
            preds[t] = mistake == "no softmax" ? logits : Activations.Softmax(logits);
            kept[t] = new RnnCellCache(aNext, mistake == "cache a_next" ? aNext : aPrev, x[t], wax, waa, ba);
            state = aNext;
        }
        a.AddRange(mistake == "reversed, appended" ? results.Reverse() : results);
        y.AddRange(mistake == "reversed, appended" ? preds.Reverse() : preds);
        caches.AddRange(mistake == "reversed, appended" ? kept.Reverse() : kept);
        return new RnnForwardPass(a, y, caches);
    }

    private static string Failure(string mistake) =>
        Assert.Throws<CheckFailedException>(() => Check.RnnForward((x, a0, wax, waa, wya, ba, by) => Student(x, a0, wax, waa, wya, ba, by, mistake))).Message;

    [Fact]
    public void A_right_forward_pass_passes() => Check.RnnForward((x, a0, wax, waa, wya, ba, by) => Student(x, a0, wax, waa, wya, ba, by));

    [Fact]
    public void The_librarys_cell_and_output_layer_pass_the_check() => Check.RnnForward((x, a0, wax, waa, wya, ba, by) =>
    {
        // The library's RnnCell and OutputLayer with the check's weights: the reference owes nothing to its own code.
        var cell = new RnnCell(wax.ColumnCount, wax.RowCount);
        cell.Wax.Value.SetSubMatrix(0, 0, wax);
        cell.Waa.Value.SetSubMatrix(0, 0, waa);
        cell.Ba.Value.SetSubMatrix(0, 0, ba);
        var readout = new OutputLayer(wya.ColumnCount, wya.RowCount);
        readout.Projection.W.Value.SetSubMatrix(0, 0, wya);
        readout.Projection.B.Value.SetSubMatrix(0, 0, by);
        var (a, y, caches, state) = (new List<Matrix<double>>(), new List<Matrix<double>>(), new List<RnnCellCache>(), a0);
        foreach (var xt in x)
        {
            var (next, _) = cell.Forward(xt, state);
            caches.Add(new RnnCellCache(next, state, xt, wax, waa, ba));
            a.Add(next);
            y.Add(readout.Forward(next).YHat);
            state = next;
        }
        return new RnnForwardPass(a, y, caches);
    }, new StepSizes(InputSize: 4, HiddenSize: 2, Batch: 3, Seed: 7), outputs: 3, steps: 5);

    [Theory]
    [InlineData("reversed", "the steps run in the wrong order")]
    [InlineData("reversed, appended", "the steps run in the wrong order")]
    [InlineData("zero start", "the first step starts from zeros")]
    [InlineData("not carried", "the state must be carried")]
    [InlineData("cache a_next", "the cache holds a⟨t⟩ where a⟨t−1⟩ belongs")]
    [InlineData("prediction from previous", "the prediction is read from a⟨t−1⟩")]
    [InlineData("no softmax", "the prediction has no softmax")]
    [InlineData("no ba", "the bias ba is missing")]
    [InlineData("no by", "the bias by is missing")]
    public void Each_mistake_is_named(string mistake, string expected)
    {
        if (mistake == "no by")
        {
            var message = Assert.Throws<CheckFailedException>(() => Check.RnnForward((x, a0, wax, waa, wya, ba, by) =>
                Student(x, a0, wax, waa, wya, ba, by * 0))).Message;
            Assert.Contains(expected, message);
            Assert.Contains("Right already: a, caches.", message);
            return;
        }
        Assert.Contains(expected, Failure(mistake));
    }

    [Fact]
    public void The_cache_mistake_leaves_the_states_and_predictions_right()
    {
        var message = Failure("cache a_next");
        Assert.Contains("caches[0].APrev is wrong", message);
        Assert.Contains("Right already: a, y_pred.", message);
    }

    [Fact]
    public void A_list_that_starts_with_a0_is_told_to_leave_it_out()
    {
        var message = Failure("a0 in the list");
        Assert.Contains("5 entries in a, expected 4", message);
        Assert.Contains("do not add it to the list", message);
    }

    [Fact]
    public void A_null_answer_and_a_transposed_product_are_explained()
    {
        Assert.Contains("returned null", Assert.Throws<CheckFailedException>(() =>
            Check.RnnForward((_, _, _, _, _, _, _) => null)).Message);
        var transposed = Assert.Throws<CheckFailedException>(() => Check.RnnForward((x, a0, wax, waa, wya, ba, by) =>
            new RnnForwardPass([.. x.Select(_ => a0)], [.. x.Select(xt => wax * xt)], []))).Message;
        Assert.Contains("entries in caches, expected 4", transposed);
        var product = Assert.Throws<CheckFailedException>(() => Check.RnnForward((x, a0, wax, waa, wya, ba, by) =>
            new RnnForwardPass([.. x.Select(xt => wax.Transpose() * xt)], [], []))).Message;
        Assert.Contains("inner sizes do not agree", product);
    }
}
