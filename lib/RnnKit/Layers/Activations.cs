using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// The pointwise nonlinearities of the lessons and the column-wise softmax. Each has an allocating overload (for
/// lessons) and one writing into <c>result</c> (for loops); all work on any shape.
/// </summary>
public static class Activations
{
    /// <summary>σ(z) = 1 / (1 + e^−z), computed without overflow for large |z|.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    public static Matrix<double> Sigmoid(Matrix<double> z) => z.Map(Sigmoid);

    public static void Sigmoid(Matrix<double> z, Matrix<double> result) => z.Map(Sigmoid, result);

    public static Matrix<double> Tanh(Matrix<double> z) => z.PointwiseTanh();

    public static void Tanh(Matrix<double> z, Matrix<double> result) => z.PointwiseTanh(result);

    public static Matrix<double> Relu(Matrix<double> z) => z.Map(v => Math.Max(v, 0.0));

    public static void Relu(Matrix<double> z, Matrix<double> result) => z.Map(v => Math.Max(v, 0.0), result);

    /// <summary>
    /// Softmax of every column: z (classes, m) → probabilities (classes, m), each column summing to 1. The column
    /// maximum is subtracted first so that e^z never overflows (the result is unchanged by that shift).
    /// </summary>
    public static Matrix<double> Softmax(Matrix<double> z)
    {
        var result = Matrix<double>.Build.Dense(z.RowCount, z.ColumnCount);
        Softmax(z, result);
        return result;
    }

    public static void Softmax(Matrix<double> z, Matrix<double> result)
    {
        Shape.RequireSame(z, "logits", result, "softmax result");
        for (var j = 0; j < z.ColumnCount; j++)
        {
            var max = double.NegativeInfinity;
            for (var i = 0; i < z.RowCount; i++) max = Math.Max(max, z[i, j]);
            var sum = 0.0;
            for (var i = 0; i < z.RowCount; i++)
            {
                var e = Math.Exp(z[i, j] - max);
                result[i, j] = e;
                sum += e;
            }
            for (var i = 0; i < z.RowCount; i++) result[i, j] /= sum;
        }
    }
}
