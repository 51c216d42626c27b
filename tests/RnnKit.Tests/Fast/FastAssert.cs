using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>Comparisons of float32 results with double references.</summary>
internal static class FastAssert
{
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
