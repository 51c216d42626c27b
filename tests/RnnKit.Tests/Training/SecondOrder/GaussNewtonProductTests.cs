using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Training.SecondOrder;

/// <summary>
/// The exact Gauss–Newton-vector product against finite differences: J·v against the centred difference of the
/// outputs, and G·v against the centred difference of the gradient where the residual is zero (there the Hessian
/// of the loss is exactly G, since H = G + Σ residual·∇²ŷ).
/// </summary>
public class GaussNewtonProductTests
{
    private const double Epsilon = 1e-5;

    private static (RnnRegressor Model, List<Parameter> Parameters, RegressionBatch Batch) Setup(RnnActivation activation)
    {
        var model = new RnnRegressor(2, 4, 2, activation, seed: 5);
        return (model, model.Parameters().ToList(), SecondOrderFixture.Batch());
    }

    private static double RelativeError(Vector<double> a, Vector<double> b) => (a - b).L2Norm() / (a.L2Norm() + b.L2Norm());

    [Theory]
    [InlineData(RnnActivation.Tanh)]
    [InlineData(RnnActivation.Relu)]
    public void Forward_mode_directional_output_matches_the_centred_difference_of_the_outputs(RnnActivation activation)
    {
        var (model, ps, batch) = Setup(activation);
        var v = SecondOrderFixture.Direction(ParameterVector.Count(ps), seed: 1);
        var jv = model.Curvature(batch).Directional(v);
        ParameterVector.Add(ps, v, Epsilon);
        var plus = model.Predict(batch.Xs);
        ParameterVector.Add(ps, v, -2 * Epsilon);
        var minus = model.Predict(batch.Xs);
        ParameterVector.Add(ps, v, Epsilon);
        var numeric = (plus - minus) / (2 * Epsilon);
        var error = (jv - numeric).FrobeniusNorm() / (jv.FrobeniusNorm() + numeric.FrobeniusNorm());
        Assert.True(error < 1e-7, $"J·v relative error {error}");
    }

    [Theory]
    [InlineData(RnnActivation.Tanh)]
    [InlineData(RnnActivation.Relu)]
    public void At_zero_residual_G_v_matches_the_centred_difference_of_the_gradient(RnnActivation activation)
    {
        var (model, ps, batch) = Setup(activation);
        batch = batch with { Targets = model.Predict(batch.Xs) };
        var v = SecondOrderFixture.Direction(ParameterVector.Count(ps), seed: 2);
        var gv = model.Curvature(batch).Apply(v);

        Vector<double> GradientAt(double step)
        {
            ParameterVector.Add(ps, v, step);
            foreach (var p in ps) p.ZeroGrad();
            model.LossAndGradient(batch);
            ParameterVector.Add(ps, v, -step);
            return ParameterVector.Grads(ps);
        }
        var numeric = (GradientAt(Epsilon) - GradientAt(-Epsilon)) / (2 * Epsilon);
        var error = RelativeError(gv, numeric);
        Assert.True(error < 1e-6, $"G·v relative error {error} (‖Gv‖ = {gv.L2Norm()})");
    }

    [Fact]
    public void G_is_symmetric_and_positive_semidefinite_away_from_the_minimum_too()
    {
        var (model, ps, batch) = Setup(RnnActivation.Tanh);
        var curvature = model.Curvature(batch);
        var n = ParameterVector.Count(ps);
        var (u, v) = (SecondOrderFixture.Direction(n, 3), SecondOrderFixture.Direction(n, 4));
        Assert.Equal(u.DotProduct(curvature.Apply(v)), v.DotProduct(curvature.Apply(u)), 1e-10);
        for (var seed = 10; seed < 15; seed++)
        {
            var w = SecondOrderFixture.Direction(n, seed);
            Assert.True(w.DotProduct(curvature.Apply(w)) >= 0);
        }
        // vᵀGv = (2/(m·n_y))‖J v‖²
        var jv = curvature.Directional(v);
        Assert.Equal(2.0 / 6 * jv.FrobeniusNorm() * jv.FrobeniusNorm(), v.DotProduct(curvature.Apply(v)), 1e-10);
        Assert.Equal(8, curvature.Count);
    }

    [Fact]
    public void A_product_leaves_the_accumulated_gradient_as_it_was()
    {
        var (model, ps, batch) = Setup(RnnActivation.Tanh);
        model.LossAndGradient(batch);
        var before = ParameterVector.Grads(ps);
        model.Curvature(batch).Apply(SecondOrderFixture.Direction(ParameterVector.Count(ps), 6));
        Assert.Equal(before, ParameterVector.Grads(ps));
    }
}
