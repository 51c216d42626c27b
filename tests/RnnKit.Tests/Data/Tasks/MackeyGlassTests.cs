using RnnKit.Data.Tasks;
using Xunit;

namespace RnnKit.Tests.Data.Tasks;

public class MackeyGlassTests
{
    [Fact]
    public void The_default_series_are_chaotic_and_stay_on_the_known_attractor()
    {
        var series = MackeyGlass.Generate();
        Assert.Equal(4, series.Count);
        foreach (var s in series)
        {
            Assert.Equal(2000, s.Values.Length);
            Assert.InRange(s.History, 1.1, 1.3);
            // the τ = 17 attractor spans about 0.42 … 1.32 around its mean 0.93
            Assert.InRange(s.Values.Min(), 0.38, 0.46);
            Assert.InRange(s.Values.Max(), 1.28, 1.36);
            Assert.InRange(s.Values.Average(), 0.9, 0.96);
        }
        Assert.Equal(4, series.Select(s => s.Values[0]).Distinct().Count());
    }

    [Fact]
    public void A_history_at_the_fixed_point_stays_there_and_a_short_delay_converges_to_it()
    {
        // x* = (β/γ − 1)^(1/n) = 1 for β = 0.2, γ = 0.1; below τ ≈ 4.5 it is stable
        var stable = MackeyGlass.Generate(new MackeyGlassOptions { Count = 1, Tau = 2, Length = 50, Transient = 300 });
        Assert.All(stable[0].Values, v => Assert.Equal(1.0, v, 1e-4));
        var chaotic = MackeyGlass.Generate(new MackeyGlassOptions { Count = 1, Length = 50, Transient = 0 });
        Assert.Equal(chaotic[0].History, chaotic[0].Values[0]);
    }

    [Fact]
    public void Halving_the_step_changes_the_early_samples_by_far_less_than_the_signal()
    {
        // RK4's error is O(h⁴) and the half-step interpolation's O(h²): the two grids agree closely until chaos
        // amplifies the difference
        var options = new MackeyGlassOptions { Count = 1, Length = 100, Transient = 0 };
        var coarse = MackeyGlass.Generate(options)[0].Values;
        var fine = MackeyGlass.Generate(options with { Step = 0.05 })[0].Values;
        var worst = coarse.Zip(fine, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-3, $"h = 0.1 and h = 0.05 differ by {worst} in the first 100 samples");
    }

    [Fact]
    public void A_delay_that_is_not_a_whole_number_of_steps_is_refused_with_its_name()
    {
        var e = Assert.Throws<ArgumentException>(() => MackeyGlass.Generate(new MackeyGlassOptions { Tau = 17.05 }));
        Assert.Contains("Tau", e.Message);
    }
}
