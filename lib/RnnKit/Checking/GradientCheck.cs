using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>Settings of a gradient check; the defaults suit double precision.</summary>
public sealed record GradientCheckOptions
{
    /// <summary>Step h of the centred difference (L(θ+h) − L(θ−h)) / 2h; its error is O(h²), its rounding O(ε/h).</summary>
    public double Epsilon { get; init; } = 1e-5;

    /// <summary>Largest relative error that passes; double precision backward passes reach ~1e-9.</summary>
    public double Tolerance { get; init; } = 1e-6;
}

/// <summary>
/// Centred finite differences against an analytic backward pass (cs231n's <c>gradient_check</c>), one tensor at a
/// time. Inputs are checked the same way as parameters: wrap an input in a <see cref="Parameter"/> and let the
/// backward pass add ∂L/∂input into its Grad.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// Runs <paramref name="backward"/> once (after zeroing every Grad) to get the analytic gradients, then nudges
    /// each entry of every tensor by ±ε and re-evaluates <paramref name="loss"/>.
    /// </summary>
    /// <param name="loss">Forward pass only: returns the scalar L for the current values.</param>
    /// <param name="backward">Forward and backward pass: adds ∂L/∂ into the Grad of every tensor listed.</param>
    /// <param name="parameters">The weights to check (e.g. <c>cell.Parameters()</c>).</param>
    /// <param name="inputs">Inputs wrapped as parameters (x, h0, …), reported as inputs.</param>
    /// <param name="options">ε and tolerance; null for the defaults.</param>
    public static GradientCheckReport Run(Func<double> loss, Action backward, IEnumerable<Parameter> parameters,
        IEnumerable<Parameter>? inputs = null, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(backward);
        options ??= new GradientCheckOptions();
        var tensors = parameters.Select(p => (p, Kind: GradientCheckKind.Parameter))
            .Concat((inputs ?? []).Select(p => (p, Kind: GradientCheckKind.Input)))
            .ToList();
        foreach (var (p, _) in tensors) p.ZeroGrad();
        backward();
        var analytic = tensors.Select(t => t.p.Grad.Clone()).ToList();
        var entries = tensors.Select((t, k) =>
            Compare(t.p.Name, t.Kind, analytic[k], Numeric(loss, t.p.Value, options.Epsilon))).ToList();
        return new GradientCheckReport(entries, options.Tolerance);
    }

    /// <summary>∂L/∂value by centred differences, restoring every entry after use.</summary>
    public static Matrix<double> Numeric(Func<double> loss, Matrix<double> value, double epsilon)
    {
        var result = Matrix<double>.Build.Dense(value.RowCount, value.ColumnCount);
        for (var i = 0; i < value.RowCount; i++)
            for (var j = 0; j < value.ColumnCount; j++)
            {
                var saved = value[i, j];
                value[i, j] = saved + epsilon;
                var plus = loss();
                value[i, j] = saved - epsilon;
                var minus = loss();
                value[i, j] = saved;
                result[i, j] = (plus - minus) / (2 * epsilon);
            }
        return result;
    }

    /// <summary>Relative error ‖a − n‖ / (‖a‖ + ‖n‖) (Frobenius norms); 0 when both are exactly zero.</summary>
    public static double RelativeError(Matrix<double> analytic, Matrix<double> numeric)
    {
        Shape.RequireSame(analytic, "analytic gradient", numeric, "numeric gradient");
        var scale = analytic.FrobeniusNorm() + numeric.FrobeniusNorm();
        return scale == 0 ? 0 : (analytic - numeric).FrobeniusNorm() / scale;
    }

    private static GradientCheckEntry Compare(string name, GradientCheckKind kind, Matrix<double> analytic, Matrix<double> numeric) =>
        new(name, kind, $"({analytic.RowCount}, {analytic.ColumnCount})", RelativeError(analytic, numeric),
            (analytic - numeric).Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max(), analytic.FrobeniusNorm());
}
