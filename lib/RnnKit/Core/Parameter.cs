using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// A trainable tensor: its value and the gradient of the loss with respect to it, kept together so that
/// optimizers can walk <see cref="IModule.Parameters"/> and update every weight the same way.
/// </summary>
/// <remarks>Shape: <see cref="Value"/> and <see cref="Grad"/> always have the same (rows, columns).</remarks>
public sealed class Parameter
{
    public Parameter(string name, Matrix<double> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
        Grad = Matrix<double>.Build.Dense(value.RowCount, value.ColumnCount);
    }

    /// <summary>The symbol of the lessons, e.g. <c>Wax</c>, <c>ba</c>, <c>Wya</c>.</summary>
    public string Name { get; }

    public Matrix<double> Value { get; }

    /// <summary>∂L/∂Value, accumulated by backward passes until <see cref="ZeroGrad"/>.</summary>
    public Matrix<double> Grad { get; }

    public int Rows => Value.RowCount;

    public int Columns => Value.ColumnCount;

    /// <summary>Number of scalar weights.</summary>
    public int Count => Value.RowCount * Value.ColumnCount;

    public void ZeroGrad() => Grad.Clear();

    /// <summary>Adds <paramref name="gradient"/> to <see cref="Grad"/>; the shapes must agree.</summary>
    public void Accumulate(Matrix<double> gradient)
    {
        Shape.Require(gradient, Rows, Columns, $"gradient of {Name}");
        Grad.Add(gradient, Grad);
    }

    public override string ToString() => $"{Name} ({Rows}, {Columns})";
}
