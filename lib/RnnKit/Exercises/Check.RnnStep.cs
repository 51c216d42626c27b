using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

public static partial class Check
{
    /// <summary>
    /// Checks a student's forward step of the vanilla RNN cell, a_next = tanh(Wax·xt + Waa·a_prev + ba), on random
    /// inputs of distinct sizes (so a transposed product shows up as a shape error). When the values are wrong it
    /// says which term is at fault (by setting ba, Wax, Waa to zero one at a time) or that the activation is wrong.
    /// </summary>
    /// <param name="aNext">The student's function (xt, a_prev, Wax, Waa, ba) → a_next. Shapes: xt (n_x, m),
    /// a_prev (n_a, m), Wax (n_a, n_x), Waa (n_a, n_a), ba (n_a, 1) → a_next (n_a, m).</param>
    /// <param name="sizes">The sizes to test with; <see cref="StepSizes.Default"/> when null.</param>
    public static void RnnStep(
        Func<Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>?> aNext,
        StepSizes? sizes = null)
    {
        var (nx, na, m, seed) = sizes ?? StepSizes.Default;
        var rng = new Random(seed);
        var inputs = new Dictionary<string, Matrix<double>>
        {
            ["xt"] = Uniform(nx, m, rng),
            ["a_prev"] = Uniform(na, m, rng),
            ["Wax"] = Uniform(na, nx, rng),
            ["Waa"] = Uniform(na, na, rng),
            ["ba"] = Uniform(na, 1, rng),
        };
        Matrix<double>? Student(IReadOnlyDictionary<string, Matrix<double>> v) => aNext(v["xt"], v["a_prev"], v["Wax"], v["Waa"], v["ba"]);

        var actual = Student(inputs);
        if (actual is not null && actual.RowCount == na && actual.ColumnCount == m)
        {
            var z = RnnPreActivation(inputs);
            if (Compare("a_next", actual, z, Tolerance.Default) is null)
                Fail(Feedback.NoActivation);
            if (Compare("a_next", actual, z.Map(s => 1 / (1 + Math.Exp(-s))), Tolerance.Default) is null)
                Fail(Feedback.SigmoidActivation);
        }
        else if (actual is not null)
            Fail(Feedback.RnnStepShape(RnnKit.Shape.Of(actual), nx, na, m));

        Isolating("a_next", Student, v => RnnPreActivation(v).Map(Math.Tanh), inputs,
        [
            new Term("ba", Feedback.RnnBiasHint),
            new Term("Wax", Feedback.RnnInputTermHint),
            new Term("Waa", Feedback.RnnRecurrentTermHint),
        ]);
    }

    /// <summary>z = Wax·xt + Waa·a_prev + ba, with ba added to every column.</summary>
    private static Matrix<double> RnnPreActivation(IReadOnlyDictionary<string, Matrix<double>> v)
    {
        var z = v["Wax"] * v["xt"] + v["Waa"] * v["a_prev"];
        var ba = v["ba"].Column(0);
        for (var j = 0; j < z.ColumnCount; j++)
            z.SetColumn(j, z.Column(j) + ba);
        return z;
    }

    private static Matrix<double> Uniform(int rows, int columns, Random rng) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => 2 * rng.NextDouble() - 1);
}

/// <summary>The sizes a step check tests with; distinct on purpose, so a transposed product fails on shape.</summary>
/// <param name="InputSize">n_x, the input size (default 3).</param>
/// <param name="HiddenSize">n_a, the hidden size (default 5).</param>
/// <param name="Batch">m, examples per batch (default 10, as in the deeplearning.ai exercise).</param>
/// <param name="Seed">Seed of the random inputs (default 1), so the check is reproducible.</param>
public sealed record StepSizes(int InputSize = 3, int HiddenSize = 5, int Batch = 10, int Seed = 1)
{
    public static StepSizes Default { get; } = new();
}
