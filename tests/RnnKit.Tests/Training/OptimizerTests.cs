using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Training;

public class OptimizerTests
{
    private const int Steps = 300;

    public static TheoryData<string> Names => ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"];

    private static Optimizer Create(string name, IEnumerable<Parameter> ps) => name switch
    {
        "sgd" => new Sgd(ps, new SgdConfig(LearningRate: 0.05)),
        "momentum" => new Momentum(ps, new MomentumConfig(LearningRate: 0.01)),
        "nesterov" => new Nesterov(ps, new NesterovConfig(LearningRate: 0.01)),
        "adagrad" => new Adagrad(ps, new AdagradConfig(LearningRate: 0.5)),
        "rmsprop" => new RmsProp(ps, new RmsPropConfig(LearningRate: 0.02)),
        "adam" => new Adam(ps, new AdamConfig(LearningRate: 0.05)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Loss_falls_on_a_small_regression_with_each_optimizer(string name)
    {
        var task = new LinearRegressionTask();
        var optimizer = Create(name, task.Parameters());
        var initial = task.Loss();
        for (var i = 0; i < Steps; i++)
        {
            optimizer.ZeroGrad();
            task.LossAndBackward();
            optimizer.Step();
        }
        var final = task.Loss();
        Assert.True(final < initial * 1e-2, $"{name}: loss went from {initial} to {final}, expected a 100× drop");
        Assert.Equal(Steps, optimizer.StepCount);
    }

    [Fact]
    public void Sgd_step_is_w_minus_learning_rate_times_gradient()
    {
        var p = new Parameter("w", Matrix<double>.Build.DenseOfRowArrays([1.0, 2.0]));
        p.Accumulate(Matrix<double>.Build.DenseOfRowArrays([0.5, -1.0]));
        new Sgd([p], new SgdConfig(LearningRate: 0.1)).Step();
        Assert.Equal([0.95, 2.1], p.Value.ToRowMajorArray(), Tolerance);
    }

    [Fact]
    public void Momentum_accumulates_velocity_across_steps()
    {
        // v1 = g = 1, w1 = 0 - 0.1·1; v2 = 0.9·1 + 1 = 1.9, w2 = -0.1 - 0.19
        var p = new Parameter("w", Matrix<double>.Build.Dense(1, 1));
        var momentum = new Momentum([p], new MomentumConfig(LearningRate: 0.1, Beta: 0.9));
        for (var i = 0; i < 2; i++)
        {
            momentum.ZeroGrad();
            p.Accumulate(Matrix<double>.Build.Dense(1, 1, 1.0));
            momentum.Step();
        }
        Assert.Equal(-0.29, p.Value[0, 0], 12);
    }

    [Fact]
    public void Nesterov_steps_along_the_updated_velocity()
    {
        // step 1: v = 1, w = -0.1·(1 + 0.9·1) = -0.19; step 2: v = 1.9, w = -0.19 - 0.1·(1 + 0.9·1.9) = -0.461
        var p = new Parameter("w", Matrix<double>.Build.Dense(1, 1));
        var nesterov = new Nesterov([p], new NesterovConfig(LearningRate: 0.1, Beta: 0.9));
        for (var i = 0; i < 2; i++)
        {
            nesterov.ZeroGrad();
            p.Accumulate(Matrix<double>.Build.Dense(1, 1, 1.0));
            nesterov.Step();
        }
        Assert.Equal(-0.461, p.Value[0, 0], 12);
    }

    [Fact]
    public void Adagrad_divides_by_the_root_of_summed_squares()
    {
        // g = 2 twice: G = 4 then 8; w = -0.1·2/2 - 0.1·2/√8
        var p = new Parameter("w", Matrix<double>.Build.Dense(1, 1));
        var adagrad = new Adagrad([p], new AdagradConfig(LearningRate: 0.1, Epsilon: 1e-12));
        for (var i = 0; i < 2; i++)
        {
            adagrad.ZeroGrad();
            p.Accumulate(Matrix<double>.Build.Dense(1, 1, 2.0));
            adagrad.Step();
        }
        Assert.Equal(-0.1 - 0.2 / Math.Sqrt(8), p.Value[0, 0], 9);
    }

    [Fact]
    public void RmsProp_first_step_uses_the_decayed_mean_square()
    {
        // s = 0.1·g², step = α g / √s = α / √0.1 for any g > 0
        var p = new Parameter("w", Matrix<double>.Build.Dense(1, 1));
        p.Accumulate(Matrix<double>.Build.Dense(1, 1, 3.0));
        new RmsProp([p], new RmsPropConfig(LearningRate: 0.01, Rho: 0.9, Epsilon: 1e-12)).Step();
        Assert.Equal(-0.01 / Math.Sqrt(0.1), p.Value[0, 0], 9);
    }

    [Fact]
    public void Adam_first_step_moves_each_weight_by_the_learning_rate_against_the_sign()
    {
        // bias correction makes m̂ = g and v̂ = g², so the first step is α·sign(g)
        var p = new Parameter("w", Matrix<double>.Build.DenseOfRowArrays([0.0, 0.0]));
        p.Accumulate(Matrix<double>.Build.DenseOfRowArrays([1e-3, -50.0]));
        new Adam([p], new AdamConfig(LearningRate: 0.01, Epsilon: 1e-12)).Step();
        Assert.Equal([-0.01, 0.01], p.Value.ToRowMajorArray(), new Comparison(1e-9));
    }

    [Fact]
    public void State_is_kept_per_parameter()
    {
        var a = new Parameter("a", Matrix<double>.Build.Dense(1, 1));
        var b = new Parameter("b", Matrix<double>.Build.Dense(1, 1));
        var momentum = new Momentum([a, b], new MomentumConfig(LearningRate: 1, Beta: 0.5));
        a.Accumulate(Matrix<double>.Build.Dense(1, 1, 1.0));
        momentum.Step();
        momentum.ZeroGrad();
        momentum.Step();
        Assert.Equal(-1.5, a.Value[0, 0], 12);
        Assert.Equal(0.0, b.Value[0, 0]);
    }

    [Fact]
    public void Bad_configuration_names_the_field()
    {
        var p = new Parameter("w", Matrix<double>.Build.Dense(1, 1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], new AdamConfig(Beta2: 1.0)));
        Assert.Contains("Beta2", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([p], new SgdConfig(LearningRate: -1)));
        Assert.Contains("LearningRate", e.Message);
        Assert.Throws<ArgumentException>(() => new Sgd([p, p]));
        Assert.Throws<ArgumentException>(() => new Sgd([]));
    }

    private static readonly Comparison Tolerance = new(1e-12);

    private sealed class Comparison(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
