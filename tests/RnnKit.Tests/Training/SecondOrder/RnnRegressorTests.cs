using Xunit;

namespace RnnKit.Tests.Training.SecondOrder;

public class RnnRegressorTests
{
    [Theory]
    [InlineData(RnnActivation.Tanh)]
    [InlineData(RnnActivation.Relu)]
    public void Its_gradient_passes_a_finite_difference_check(RnnActivation activation)
    {
        var model = new RnnRegressor(2, 4, 2, activation, seed: 3);
        var batch = SecondOrderFixture.Batch();
        var report = GradientCheck.Run(() => model.Loss(batch), () => model.LossAndGradient(batch), model.Parameters());
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void Loss_is_the_mean_squared_error_of_the_last_output()
    {
        var model = new RnnRegressor(2, 4, 2, seed: 3);
        var batch = SecondOrderFixture.Batch();
        var predicted = model.Predict(batch.Xs);
        var expected = (predicted - batch.Targets).Enumerate().Select(d => d * d).Average();
        Assert.Equal(expected, model.Loss(batch), 1e-14);
        Assert.Equal(["Wax", "Waa", "ba", "Wya", "by"], model.Parameters().Select(p => p.Name));
    }
}
