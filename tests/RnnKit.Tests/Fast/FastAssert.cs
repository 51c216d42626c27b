using MathNet.Numerics.LinearAlgebra;
using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>Comparisons of float32 results with double references, and runs on a forced thread count.</summary>
internal static class FastAssert
{
    /// <summary>Runs <paramref name="run"/> with <see cref="Parallelism.Threads"/> forced to <paramref name="threads"/>, then puts it back.</summary>
    public static T WithThreads<T>(int threads, Func<T> run)
    {
        var previous = Parallelism.Threads;
        Parallelism.Threads = threads;
        try
        {
            return run();
        }
        finally
        {
            Parallelism.Threads = previous;
        }
    }

    /// <summary>float32 against double: relative to the largest magnitude of the reference tensor.</summary>
    public const double Relative = 1e-4;

    public static void Close(Matrix<double> expected, Matrix<double> actual, string what)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        var scale = Math.Max(expected.Enumerate().Max(Math.Abs), 1e-3);
        var error = (expected - actual).Enumerate().Max(Math.Abs);
        Assert.True(error <= Relative * scale, $"{what}: max |difference| {error:E3} exceeds {Relative:E0} × {scale:E3}");
    }

    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 1e-3, error = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(expected[i]));
            error = Math.Max(error, Math.Abs(expected[i] - actual[i]));
        }
        Assert.True(error <= Relative * scale, $"{what}: max |difference| {error:E3} exceeds {Relative:E0} × {scale:E3}");
    }

    public static float[] Random(Random random, int length, double bound = 1)
    {
        var x = new float[length];
        for (var i = 0; i < length; i++) x[i] = (float)((random.NextDouble() * 2 - 1) * bound);
        return x;
    }
}
