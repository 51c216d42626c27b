using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// All of a model's weights as one flat vector θ, as second-order methods see them: the parameters in the given order,
/// each column by column (MathNet's storage order). Conjugate gradient works on such vectors.
/// </summary>
public static class ParameterVector
{
    /// <summary>The number of scalar weights, the length of θ.</summary>
    public static int Count(IReadOnlyList<Parameter> parameters) => parameters.Sum(p => p.Count);

    /// <summary>θ, a copy of every value.</summary>
    public static Vector<double> Values(IReadOnlyList<Parameter> parameters) => Flatten(parameters, p => p.Value);

    /// <summary>∂L/∂θ, a copy of every accumulated gradient.</summary>
    public static Vector<double> Grads(IReadOnlyList<Parameter> parameters) => Flatten(parameters, p => p.Grad);

    /// <summary>θ ← θ + scale·delta.</summary>
    public static void Add(IReadOnlyList<Parameter> parameters, Vector<double> delta, double scale = 1.0)
    {
        var parts = Split(parameters, delta);
        for (var i = 0; i < parameters.Count; i++)
            parameters[i].Value.Add(scale * parts[i], parameters[i].Value);
    }

    /// <summary>Sets every Value from a flat vector (the inverse of <see cref="Values"/>).</summary>
    public static void SetValues(IReadOnlyList<Parameter> parameters, Vector<double> values) => CopyInto(parameters, values, p => p.Value);

    /// <summary>Sets every Grad from a flat vector (the inverse of <see cref="Grads"/>).</summary>
    public static void SetGrads(IReadOnlyList<Parameter> parameters, Vector<double> grads) => CopyInto(parameters, grads, p => p.Grad);

    private static void CopyInto(IReadOnlyList<Parameter> parameters, Vector<double> flat, Func<Parameter, Matrix<double>> part)
    {
        var parts = Split(parameters, flat);
        for (var i = 0; i < parameters.Count; i++)
            parts[i].CopyTo(part(parameters[i]));
    }

    /// <summary>A flat vector cut into matrices shaped like each parameter (copies).</summary>
    public static IReadOnlyList<Matrix<double>> Split(IReadOnlyList<Parameter> parameters, Vector<double> flat)
    {
        ArgumentNullException.ThrowIfNull(flat);
        var count = Count(parameters);
        if (flat.Count != count)
            throw new ArgumentException($"the vector has {flat.Count} entries but the parameters hold {count} weights", nameof(flat));
        var parts = new List<Matrix<double>>(parameters.Count);
        var offset = 0;
        foreach (var p in parameters)
        {
            parts.Add(Matrix<double>.Build.Dense(p.Rows, p.Columns, flat.SubVector(offset, p.Count).ToArray()));
            offset += p.Count;
        }
        return parts;
    }

    private static Vector<double> Flatten(IReadOnlyList<Parameter> parameters, Func<Parameter, Matrix<double>> part)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var flat = new double[Count(parameters)];
        var offset = 0;
        foreach (var p in parameters)
        {
            part(p).ToColumnMajorArray().CopyTo(flat, offset);
            offset += p.Count;
        }
        return Vector<double>.Build.Dense(flat);
    }
}
