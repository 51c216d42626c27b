using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Training;

public class MomentumScheduleTests
{
    [Fact]
    public void The_schedule_is_one_minus_one_over_twice_the_stage_capped_at_max()
    {
        var schedule = new MomentumSchedule(Max: 0.9, Every: 250);
        Assert.Equal(0.5, schedule.At(0));
        Assert.Equal(0.5, schedule.At(249));
        Assert.Equal(0.75, schedule.At(250));
        Assert.Equal(1 - 1.0 / 6, schedule.At(500), 1e-15);
        Assert.Equal(0.875, schedule.At(750));
        Assert.Equal(0.9, schedule.At(100_000));
    }

    [Fact]
    public void Bad_settings_fail_at_construction_with_their_name()
    {
        Assert.Contains("Max", Assert.Throws<ArgumentOutOfRangeException>(() => new MomentumSchedule(Max: 1.0)).Message);
        Assert.Contains("Every", Assert.Throws<ArgumentOutOfRangeException>(() => new MomentumSchedule(Every: 0)).Message);
    }

    [Fact]
    public void Nesterov_with_a_schedule_follows_Sutskevers_look_ahead_form_exactly()
    {
        // f(θ) = ½ θᵀ A θ on an ill-conditioned quadratic; Sutskever et al. (2013):
        // v ← μₜ v − α ∇f(θ + μₜ v), θ ← θ + v. The kit's weights must be the look-ahead point θ + μₜ v.
        var a = Matrix<double>.Build.DenseOfDiagonalArray([1.0, 20.0]);
        var schedule = new MomentumSchedule(Max: 0.95, Every: 3);
        const double Alpha = 0.04;
        var theta = Vector<double>.Build.DenseOfArray([1.0, 1.0]);
        var velocity = Vector<double>.Build.Dense(2);
        var w = new Parameter("w", Matrix<double>.Build.DenseOfColumnArrays([1.0, 1.0]));
        var nag = new Nesterov([w], new NesterovConfig(LearningRate: Alpha, Schedule: schedule));
        for (var t = 0; t < 20; t++)
        {
            var mu = schedule.At(t);
            velocity = mu * velocity - Alpha * (a * (theta + mu * velocity));
            theta += velocity;

            nag.ZeroGrad();
            w.Accumulate(a * w.Value);
            nag.Step();
            var lookAhead = theta + schedule.At(t + 1) * velocity;
            Assert.True((w.Value.Column(0) - lookAhead).L2Norm() < 1e-12, $"step {t + 1}: {w.Value.Column(0)} vs {lookAhead}");
        }
    }

    [Fact]
    public void Without_a_schedule_Nesterov_keeps_its_fixed_beta()
    {
        var nag = new Nesterov([new Parameter("w", Matrix<double>.Build.Dense(1, 1))], new NesterovConfig(Beta: 0.8));
        Assert.Equal(0.8, nag.MomentumAt(0));
        Assert.Equal(0.8, nag.MomentumAt(1000));
    }
}
