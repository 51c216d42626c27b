using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Deterministic weight initialisation, as PyTorch does it: every weight and bias ~ U(−k, k), k = 1/√hiddenSize.</summary>
public static class CellInit
{
    /// <summary>The seed used when none is given, so that two runs of a lesson print the same numbers.</summary>
    public const int DefaultSeed = 0;

    /// <summary>k = 1/√hiddenSize, PyTorch's bound for recurrent layers.</summary>
    public static double Bound(int hiddenSize) => 1.0 / Math.Sqrt(hiddenSize);

    /// <summary>A (rows, columns) matrix of U(−bound, bound) draws, filled column by column from <paramref name="random"/>.</summary>
    public static Matrix<double> Uniform(int rows, int columns, double bound, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => (2.0 * random.NextDouble() - 1.0) * bound);
    }

    /// <summary>A named parameter of U(−bound, bound) draws.</summary>
    public static Parameter Parameter(string name, int rows, int columns, double bound, Random random) =>
        new(name, Uniform(rows, columns, bound, random));

    internal static void RequirePositive(int size, string what)
    {
        if (size <= 0)
            throw new ArgumentOutOfRangeException(what, size, $"{what} must be positive");
    }
}
