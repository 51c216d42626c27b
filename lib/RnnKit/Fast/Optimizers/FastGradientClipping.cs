using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>Clipping by global norm, PyTorch's <c>clip_grad_norm_</c>.</summary>
public static class FastGradientClipping
{
    /// <summary>PyTorch adds this to the norm before dividing, so a zero gradient stays zero.</summary>
    private const double NormGuard = 1e-6;

    /// <summary>
    /// ‖g‖ = √(Σ over every parameter of Σ g²); when ‖g‖ &gt; maxNorm, every gradient is scaled by
    /// maxNorm / (‖g‖ + 1e-6). Returns ‖g‖ before clipping.
    /// </summary>
    public static float ClipGlobalNorm(IEnumerable<FastParameter> parameters, float maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNorm);
        var list = parameters as IReadOnlyList<FastParameter> ?? [.. parameters];
        double sumOfSquares = 0;
        foreach (var p in list)
            sumOfSquares += TensorPrimitives.SumOfSquares<float>(p.Grad);
        var norm = Math.Sqrt(sumOfSquares);
        var coefficient = maxNorm / (norm + NormGuard);
        if (coefficient < 1)
            foreach (var p in list)
                TensorPrimitives.Multiply(p.Grad, (float)coefficient, p.Grad);
        return (float)norm;
    }
}
