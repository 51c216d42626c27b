using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Tests.Checking;

/// <summary>Seeded random matrices and cells for the gradient checks (small sizes keep the suite fast).</summary>
internal static class TestMatrices
{
    /// <summary>Entries ~ U(−scale, scale) from <paramref name="random"/>.</summary>
    public static Matrix<double> Uniform(int rows, int columns, Random random, double scale = 1.0) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => (2 * random.NextDouble() - 1) * scale);

    public static List<Matrix<double>> Sequence(int steps, int rows, int columns, Random random) =>
        Enumerable.Range(0, steps).Select(_ => Uniform(rows, columns, random)).ToList();

    /// <summary>Σ a ⊙ b, the linear loss L = Σ y·dy whose gradient with respect to y is dy.</summary>
    public static double Dot(Matrix<double> a, Matrix<double> b) => a.PointwiseMultiply(b).Enumerate().Sum();

    /// <summary>A cell named as PyTorch names it ("rnn_tanh", "lstm", …).</summary>
    public static IRecurrentCell Cell(string kind, int inputSize, int hiddenSize, int seed) =>
        RecurrentCells.Create(CellKinds.Parse(kind), inputSize, hiddenSize, seed);

    /// <summary>A random state for <paramref name="cell"/> (with c for an LSTM).</summary>
    public static RecurrentState State(IRecurrentCell cell, int batch, Random random) =>
        new(Uniform(cell.HiddenSize, batch, random), cell.HasCellState ? Uniform(cell.HiddenSize, batch, random) : null);

    public static double Dot(RecurrentState a, RecurrentState b) =>
        Dot(a.H, b.H) + (a.C is null || b.C is null ? 0 : Dot(a.C, b.C));

    public static void AssertPassed(GradientCheckReport report)
    {
        Xunit.Assert.True(report.Passed, report.ToString());
        Xunit.Assert.True(report.MaxRelativeError <= 1e-6, report.ToString());
    }
}
