using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Fast;

/// <summary>
/// A trainable float32 tensor of the fast layer: value and gradient as row-major arrays of the same shape
/// (PyTorch's layout for weights, so a <c>weight_hh_l0</c> copies in and out element by element).
/// </summary>
/// <remarks>Shape: (<see cref="Rows"/>, <see cref="Columns"/>); a bias vector is (n, 1).</remarks>
public sealed class FastParameter
{
    public FastParameter(string name, int rows, int columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Name = name;
        Rows = rows;
        Columns = columns;
        Value = new float[rows * columns];
        Grad = new float[rows * columns];
    }

    /// <summary>PyTorch's name, e.g. <c>weight_ih</c>, <c>bias_hh</c>, <c>embedding</c>.</summary>
    public string Name { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Row-major values, Rows × Columns.</summary>
    public float[] Value { get; }

    /// <summary>∂L/∂Value, accumulated by backward passes until <see cref="ZeroGrad"/>.</summary>
    public float[] Grad { get; }

    public int Count => Value.Length;

    public void ZeroGrad() => Array.Clear(Grad);

    /// <summary>Fills the value with U(−bound, bound), PyTorch's default for recurrent and linear layers.</summary>
    public void InitUniform(float bound, Random random)
    {
        for (var i = 0; i < Value.Length; i++)
            Value[i] = (float)((random.NextDouble() * 2 - 1) * bound);
    }

    /// <summary>The value as a double matrix (Rows, Columns), for inspection with the scratch layer.</summary>
    public Matrix<double> ToMatrix() => ToMatrix(Value);

    /// <summary>The gradient as a double matrix (Rows, Columns).</summary>
    public Matrix<double> GradToMatrix() => ToMatrix(Grad);

    /// <summary>Copies a (Rows, Columns) matrix into the value, rounding to float32.</summary>
    public void CopyFrom(Matrix<double> value)
    {
        Shape.Require(value, Rows, Columns, Name);
        for (var r = 0; r < Rows; r++)
            for (var c = 0; c < Columns; c++)
                Value[r * Columns + c] = (float)value[r, c];
    }

    /// <summary>Copies a row-major (Rows, Columns) array, e.g. a PyTorch tensor's data, into the value.</summary>
    public void CopyFrom(ReadOnlySpan<float> rowMajor)
    {
        if (rowMajor.Length != Count)
            throw new ShapeMismatchException($"{Name} has shape ({Rows}, {Columns}) = {Count} values but {rowMajor.Length} were given");
        rowMajor.CopyTo(Value);
    }

    private Matrix<double> ToMatrix(float[] data) => Matrix<double>.Build.Dense(Rows, Columns, (r, c) => data[r * Columns + c]);

    public override string ToString() => $"{Name} ({Rows}, {Columns})";
}
