using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Tests.Training;

/// <summary>
/// A tiny convex task for optimizer smoke tests: fit ŷ = W x + b to y = W* x + b* by mean squared error,
/// with the gradient written by hand (dW = (2/m)(ŷ − y) xᵀ, db = (2/m) Σ (ŷ − y)).
/// </summary>
internal sealed class LinearRegressionTask : IModule
{
    private const int Inputs = 3;
    private const int Examples = 32;

    private readonly Matrix<double> _x;
    private readonly Matrix<double> _y;

    public LinearRegressionTask(int seed = 7)
    {
        var random = new Random(seed);
        _x = Matrix<double>.Build.Random(Inputs, Examples, new Normal(0, 1, random));
        var wStar = Matrix<double>.Build.DenseOfRowArrays([2.0, -3.0, 0.5]);
        _y = wStar * _x + 1.5;
        W = new Parameter("W", Matrix<double>.Build.Dense(1, Inputs));
        B = new Parameter("b", Matrix<double>.Build.Dense(1, 1));
    }

    public Parameter W { get; }

    public Parameter B { get; }

    public IEnumerable<Parameter> Parameters() => [W, B];

    /// <summary>Loss at the current weights, gradients accumulated into W and b.</summary>
    public double LossAndBackward()
    {
        var yHat = W.Value * _x + B.Value[0, 0];
        var error = yHat - _y;
        var loss = error.PointwisePower(2).RowSums().Sum() / Examples;
        var dYHat = 2.0 / Examples * error;
        W.Accumulate(dYHat * _x.Transpose());
        B.Accumulate(Matrix<double>.Build.Dense(1, 1, dYHat.RowSums().Sum()));
        return loss;
    }

    public double Loss()
    {
        var error = W.Value * _x + B.Value[0, 0] - _y;
        return error.PointwisePower(2).RowSums().Sum() / Examples;
    }
}
