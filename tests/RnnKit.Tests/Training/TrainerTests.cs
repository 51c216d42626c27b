using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Training;

public class TrainerTests
{
    /// <summary>A clock that moves one second every time it is read.</summary>
    private sealed class TickingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => 1;

        public override long GetTimestamp() => _ticks++;
    }

    [Fact]
    public void Loss_falls_history_is_kept_and_progress_is_reported()
    {
        var task = new LinearRegressionTask();
        var trainer = new Trainer(new Adam(task.Parameters(), new AdamConfig(LearningRate: 0.05)),
            new TrainerConfig(Steps: 200, ClipNorm: 10, ReportEvery: 50));
        var reports = new List<TrainingProgress>();

        var last = trainer.Run(_ => new StepResult(task.LossAndBackward(), Tokens: 32), reports.Add, TestContext.Current.CancellationToken);

        Assert.Equal(200, trainer.LossHistory.Count);
        Assert.Equal(200, trainer.GradientNormHistory.Count);
        Assert.True(trainer.LossHistory[^1] < trainer.LossHistory[0] * 1e-2);
        Assert.Equal([50, 100, 150, 200], reports.Select(r => r.Step));
        Assert.Same(reports[^1], last);
        Assert.Equal(TimeSpan.Zero, last.Eta);
        Assert.True(last.TokensPerSecond > 0);
        Assert.Contains("step 200/200", last.ToString());
    }

    [Fact]
    public void Eta_and_throughput_come_from_the_clock()
    {
        var task = new LinearRegressionTask();
        var trainer = new Trainer(new Sgd(task.Parameters(), new SgdConfig(0.01)),
            new TrainerConfig(Steps: 4, ReportEvery: 2), new TickingClock());
        var reports = new List<TrainingProgress>();

        trainer.Run(_ => new StepResult(task.LossAndBackward(), Tokens: 10), reports.Add, TestContext.Current.CancellationToken);

        // the clock is read once at the start (t=0) and once per report (t=1, t=2)
        Assert.Equal(TimeSpan.FromSeconds(1), reports[0].Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(1), reports[0].Eta);   // 2 steps took 1 s, 2 left
        Assert.Equal(20, reports[0].TokensPerSecond, 9);
        Assert.Equal(20, reports[1].TokensPerSecond, 9);
        Assert.Equal(0.5, reports[0].Fraction);
    }

    [Fact]
    public void Clipping_is_applied_before_the_update()
    {
        var p = new Parameter("w", Matrix<double>.Build.Dense(1, 1));
        var trainer = new Trainer(new Sgd([p], new SgdConfig(LearningRate: 1)), new TrainerConfig(Steps: 1, ClipNorm: 0.5));
        trainer.Run(_ =>
        {
            p.Accumulate(Matrix<double>.Build.Dense(1, 1, 100.0));
            return new StepResult(1, 1);
        }, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(-0.5, p.Value[0, 0], 12);
        Assert.Equal(100, trainer.GradientNormHistory[0], 12);
    }

    [Fact]
    public void Gradients_are_zeroed_before_each_step()
    {
        var p = new Parameter("w", Matrix<double>.Build.Dense(1, 1));
        var trainer = new Trainer(new Sgd([p], new SgdConfig(LearningRate: 1)), new TrainerConfig(Steps: 3, ClipNorm: null));
        trainer.Run(_ =>
        {
            p.Accumulate(Matrix<double>.Build.Dense(1, 1, 1.0));
            return new StepResult(1, 1);
        }, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(-3, p.Value[0, 0], 12);
    }

    [Fact]
    public void Divergence_names_the_step()
    {
        var p = new Parameter("w", Matrix<double>.Build.Dense(1, 1));
        var trainer = new Trainer(new Sgd([p]), new TrainerConfig(Steps: 5));
        var e = Assert.Throws<InvalidOperationException>(() => trainer.Run(i => new StepResult(i == 2 ? double.NaN : 1, 1), cancellation: TestContext.Current.CancellationToken));
        Assert.Contains("step 3", e.Message);
    }
}
