namespace RnnKit;

/// <summary>
/// Keeps exploding gradients from wrecking a step. Both functions work in place on <see cref="Parameter.Grad"/>,
/// between the backward pass and the optimizer's step.
/// </summary>
public static class GradientClipping
{
    /// <summary>‖g‖ over all parameters together: √(Σ_p Σ_ij g_pij²).</summary>
    public static double GlobalNorm(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sumOfSquares = 0.0;
        foreach (var p in parameters)
        {
            var norm = p.Grad.FrobeniusNorm();
            sumOfSquares += norm * norm;
        }
        return Math.Sqrt(sumOfSquares);
    }

    /// <summary>
    /// If the global norm ‖g‖ exceeds <paramref name="maxNorm"/>, scales every gradient by maxNorm / ‖g‖, so the
    /// direction is unchanged and the new norm is maxNorm (Pascanu et al., 2013). Returns the norm before clipping,
    /// which is worth plotting: spikes are the explosions clipping caught.
    /// </summary>
    public static double ClipByGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm)
    {
        HyperParameter.Positive(maxNorm, nameof(maxNorm));
        var list = parameters.ToList();
        var norm = GlobalNorm(list);
        if (norm > maxNorm)
        {
            var scale = maxNorm / norm;
            foreach (var p in list)
                p.Grad.Multiply(scale, p.Grad);
        }
        return norm;
    }

    /// <summary>Clamps every gradient entry to [−limit, limit] (min-char-rnn's <c>np.clip(dparam, -5, 5)</c>). May change the direction.</summary>
    public static void ClipByValue(IEnumerable<Parameter> parameters, double limit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        HyperParameter.Positive(limit, nameof(limit));
        foreach (var p in parameters)
            p.Grad.MapInplace(g => Math.Clamp(g, -limit, limit));
    }
}
