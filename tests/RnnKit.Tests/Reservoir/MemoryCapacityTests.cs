using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Reservoir;

public class MemoryCapacityTests
{
    private static MemoryCapacityResult Measure(double radius) =>
        MemoryCapacity.Measure(new EchoStateNetwork(1, 1, new EchoStateConfig(ReservoirSize: 40, SpectralRadius: radius, InputScale: 0.1), seed: 6),
            maxDelay: 60, trainSteps: 1500, testSteps: 500, new Random(7));

    [Fact]
    public void Recall_fades_with_the_delay_and_the_total_stays_below_the_reservoir_size()
    {
        var result = Measure(0.9);
        Assert.True(result.PerDelay[0] > 0.95, $"r² at k = 1 is {result.PerDelay[0]}");
        Assert.True(result.PerDelay[^1] < 0.2, $"r² at k = 60 is {result.PerDelay[^1]}");
        Assert.InRange(result.Total, 5, 40 + 1);
    }

    [Fact]
    public void A_reservoir_near_radius_one_remembers_longer_than_a_contracting_one()
    {
        Assert.True(Measure(0.95).Total > Measure(0.3).Total + 3);
    }

    [Fact]
    public void Squared_correlation_is_one_for_an_affine_copy_and_zero_for_a_constant()
    {
        var a = Vector<double>.Build.DenseOfArray([1, 2, 4, 3]);
        Assert.Equal(1.0, MemoryCapacity.SquaredCorrelation(a, 3 * a - 1), 1e-12);
        Assert.Equal(0.0, MemoryCapacity.SquaredCorrelation(a, Vector<double>.Build.Dense(4, 2.0)));
    }
}
