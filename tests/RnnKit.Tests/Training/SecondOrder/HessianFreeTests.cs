using Xunit;

namespace RnnKit.Tests.Training.SecondOrder;

public class HessianFreeTests
{
    private static (RnnRegressor Model, RegressionBatch Batch, HessianFree Optimizer) Setup(HessianFreeConfig? config = null)
    {
        var model = new RnnRegressor(2, 6, 1, seed: 8);
        var batch = SecondOrderFixture.Batch(outputSize: 1, steps: 8, batch: 20, seed: 9);
        var hf = new HessianFree(model.Parameters(), () => model.Loss(batch), () => model.LossAndGradient(batch),
            () => model.Curvature(batch).Apply, config);
        return (model, batch, hf);
    }

    [Fact]
    public void Loss_never_rises_and_falls_far_in_a_few_iterations()
    {
        var (model, batch, hf) = Setup();
        var initial = model.Loss(batch);
        var losses = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var step = hf.Step();
            Assert.True(step.NewLoss <= step.Loss);
            Assert.Equal(model.Loss(batch), step.NewLoss, 1e-12);
            losses.Add(step.NewLoss);
        }
        Assert.True(losses[^1] < 0.2 * initial, $"loss went from {initial} to {losses[^1]}");
    }

    [Fact]
    public void Damping_follows_the_Levenberg_Marquardt_rule_and_work_is_counted()
    {
        var (_, _, hf) = Setup(new HessianFreeConfig(InitialDamping: 10));
        var step = hf.Step();
        var expected = step.Reduction < 0.25 ? 15.0 : step.Reduction > 0.75 ? 10 * 2.0 / 3 : 10;
        Assert.Equal(10, step.Damping);
        Assert.Equal(expected, hf.Damping, 1e-12);
        // one gradient, one product to start CG only when warm-started (not on the first step), one per iteration
        Assert.Equal(1 + step.CgIterations, hf.GradientEvaluations);
        Assert.Equal(1, hf.LossEvaluations);
    }

    [Fact]
    public void A_step_that_raises_the_loss_is_undone_and_the_damping_grows()
    {
        var (model, batch, _) = Setup();
        // a loss that claims every trial point is worse: each step must be rejected and θ put back
        var hf = new HessianFree(model.Parameters(), () => double.MaxValue, () => model.LossAndGradient(batch),
            () => model.Curvature(batch).Apply);
        var before = ParameterVector.Values(model.Parameters().ToList());
        var step = hf.Step();
        Assert.False(step.Accepted);
        Assert.Equal(before, ParameterVector.Values(model.Parameters().ToList()));
        Assert.Equal(1.5, hf.Damping, 1e-12);
    }
}
