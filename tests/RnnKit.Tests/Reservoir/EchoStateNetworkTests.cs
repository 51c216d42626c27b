using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Reservoir;

public class EchoStateNetworkTests
{
    private static Matrix<double> Sine(int steps, double period = 20) =>
        Matrix<double>.Build.Dense(1, steps, (_, t) => Math.Sin(2 * Math.PI * t / period));

    [Fact]
    public void The_reservoir_has_the_configured_radius_and_runs_the_documented_update()
    {
        var esn = new EchoStateNetwork(1, 1, new EchoStateConfig(ReservoirSize: 30, SpectralRadius: 0.8, LeakRate: 0.5), seed: 4);
        Assert.Equal(0.8, Initialisers.SpectralRadius(esn.W), 1e-9);
        var u = Sine(5);
        var states = esn.Run(u);
        var x = Matrix<double>.Build.Dense(30, 1);
        for (var t = 0; t < 5; t++)
        {
            var update = (esn.W * x + esn.Win * u.SubMatrix(0, 1, t, 1) + esn.Bias).Map(Math.Tanh);
            x = 0.5 * x + 0.5 * update;
            Assert.True((states.SubMatrix(0, 30, t, 1) - x).FrobeniusNorm() < 1e-14);
        }
    }

    [Fact]
    public void Two_different_starting_states_are_forgotten_below_radius_one()
    {
        var esn = new EchoStateNetwork(1, 1, new EchoStateConfig(ReservoirSize: 50, SpectralRadius: 0.9), seed: 1);
        var u = Sine(300);
        var fromZero = esn.Run(u);
        var fromOnes = esn.Run(u, Matrix<double>.Build.Dense(50, 1, 1.0));
        var gapStart = (fromZero.Column(0) - fromOnes.Column(0)).L2Norm();
        var gapEnd = (fromZero.Column(299) - fromOnes.Column(299)).L2Norm();
        Assert.True(gapEnd < 1e-6 * gapStart, $"the states still differ by {gapEnd} after 300 steps (start {gapStart})");
    }

    [Fact]
    public void Trained_on_a_sine_it_predicts_the_next_value_and_keeps_generating_it_closed_loop()
    {
        var config = new EchoStateConfig(ReservoirSize: 100, SpectralRadius: 0.9, Ridge: 1e-8, Washout: 100);
        var esn = new EchoStateNetwork(1, 1, config, seed: 2);
        var series = Sine(701);
        var u = series.SubMatrix(0, 1, 0, 600);
        var y = series.SubMatrix(0, 1, 1, 600);
        esn.Fit(u, y);
        var teacherForced = esn.Predict(u);
        var trainError = (teacherForced - y).SubMatrix(0, 1, 100, 500).Enumerate().Max(Math.Abs);
        Assert.True(trainError < 1e-3, $"one-step error {trainError}");
        var generated = esn.Generate(u, 100);
        var truth = series.SubMatrix(0, 1, 600, 100);
        var closedLoopError = (generated - truth).Enumerate().Max(Math.Abs);
        Assert.True(closedLoopError < 0.05, $"closed-loop error over 100 steps {closedLoopError}");
    }

    [Fact]
    public void The_readout_is_the_ridge_solution_on_the_features_after_the_washout()
    {
        var config = new EchoStateConfig(ReservoirSize: 20, Ridge: 1e-3, Washout: 10);
        var esn = new EchoStateNetwork(1, 2, config, seed: 3);
        var u = Sine(60);
        var y = u.Stack(u.PointwisePower(2));
        var states = esn.Fit(u, y);
        var features = esn.Features(u, states).SubMatrix(0, 22, 10, 50);
        var expected = RidgeRegression.Solve(features, y.SubMatrix(0, 2, 10, 50), 1e-3);
        Assert.Equal(expected, esn.Wout);
    }

    [Fact]
    public void Misuse_is_refused_with_a_reason()
    {
        var esn = new EchoStateNetwork(1, 2, new EchoStateConfig(ReservoirSize: 10, Washout: 5), seed: 0);
        Assert.Contains("Fit", Assert.Throws<InvalidOperationException>(() => esn.Predict(Sine(10))).Message);
        esn.Fit(Sine(20), Sine(20).Stack(Sine(20)));
        Assert.Contains("outputSize", Assert.Throws<InvalidOperationException>(() => esn.Generate(Sine(5), 3)).Message);
        Assert.Contains("washout", Assert.Throws<ArgumentException>(() => esn.Fit(Sine(5), Sine(5).Stack(Sine(5)))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EchoStateNetwork(1, 1, new EchoStateConfig(LeakRate: 0), seed: 0));
    }
}
