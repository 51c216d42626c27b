using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Training.SecondOrder;

public class ParameterVectorTests
{
    private static readonly Parameter A = new("A", Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } }));
    private static readonly Parameter B = new("b", Matrix<double>.Build.DenseOfColumnArrays([5.0, 6.0]));

    [Fact]
    public void Values_are_each_parameter_column_by_column_in_order_and_split_inverts_it()
    {
        var theta = ParameterVector.Values([A, B]);
        Assert.Equal([1.0, 3, 2, 4, 5, 6], theta.ToArray());
        var parts = ParameterVector.Split([A, B], theta);
        Assert.Equal(A.Value, parts[0]);
        Assert.Equal(B.Value, parts[1]);
    }

    [Fact]
    public void Add_and_set_grads_write_back_in_the_same_order()
    {
        var a = new Parameter("A", A.Value.Clone());
        var b = new Parameter("b", B.Value.Clone());
        var delta = Vector<double>.Build.DenseOfArray([1.0, 0, 0, 0, 0, -1]);
        ParameterVector.Add([a, b], delta, 2);
        Assert.Equal(3.0, a.Value[0, 0]);
        Assert.Equal(4.0, b.Value[1, 0]);
        ParameterVector.SetGrads([a, b], delta);
        Assert.Equal(delta, ParameterVector.Grads([a, b]));
        Assert.Contains("5 entries", Assert.Throws<ArgumentException>(() => ParameterVector.Split([A, B], Vector<double>.Build.Dense(5))).Message);
    }
}
