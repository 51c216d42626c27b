using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Tests.Training.SecondOrder;

/// <summary>A small many-to-one regression batch and direction vectors for the second-order tests.</summary>
internal static class SecondOrderFixture
{
    public static RegressionBatch Batch(int inputSize = 2, int outputSize = 2, int steps = 6, int batch = 3, int seed = 11)
    {
        var normal = new Normal(0, 1, new Random(seed));
        var xs = Enumerable.Range(0, steps).Select(_ => Matrix<double>.Build.Random(inputSize, batch, normal)).ToList();
        return new RegressionBatch(xs, Matrix<double>.Build.Random(outputSize, batch, normal));
    }

    public static Vector<double> Direction(int count, int seed) =>
        Vector<double>.Build.Random(count, new Normal(0, 1, new Random(seed)));
}
