namespace RnnKit.Text;

/// <summary>
/// Drawing the next token of a language model from its logits z with a temperature T:
/// p_i = exp(z_i / T) / Σ_j exp(z_j / T). T = 1 is the model's own distribution; T &lt; 1 sharpens it towards the
/// most likely token (T → 0 is argmax), T &gt; 1 flattens it towards uniform.
/// </summary>
/// <remarks>
/// <see cref="Draw"/> is the inverse-CDF method with one <see cref="Random.NextDouble"/> per draw: u in [0, 1),
/// the first index whose cumulative probability exceeds u. A lesson that writes its own sampler the same way gets
/// the same tokens from the same seed.
/// </remarks>
public static class TemperatureSampling
{
    /// <summary>softmax(z / T), computed stably (the largest z / T is subtracted first).</summary>
    /// <param name="logits">z, one score per token (V).</param>
    /// <param name="temperature">T &gt; 0.</param>
    /// <returns>p (V), non-negative, summing to 1.</returns>
    public static double[] Softmax(IReadOnlyList<double> logits, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        RequireTemperature(temperature);
        if (logits.Count == 0)
            throw new ArgumentException("softmax of an empty list of logits is undefined", nameof(logits));
        var max = double.NegativeInfinity;
        for (var i = 0; i < logits.Count; i++)
        {
            if (double.IsNaN(logits[i]) || double.IsPositiveInfinity(logits[i]))
                throw new ArgumentException($"logit {i} is {logits[i]}; logits must be finite (−∞ marks a forbidden token)", nameof(logits));
            max = Math.Max(max, logits[i] / temperature);
        }
        if (double.IsNegativeInfinity(max))
            throw new ArgumentException("every logit is −∞: no token can be drawn", nameof(logits));
        var p = new double[logits.Count];
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = Math.Exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (var i = 0; i < p.Length; i++)
            p[i] /= sum;
        return p;
    }

    /// <summary>softmax(z / T) of float logits, e.g. one row of a fast model's output.</summary>
    public static double[] Softmax(ReadOnlySpan<float> logits, double temperature)
    {
        var z = new double[logits.Length];
        for (var i = 0; i < z.Length; i++)
            z[i] = logits[i];
        return Softmax(z, temperature);
    }

    /// <summary>One index drawn from <paramref name="probabilities"/> by the inverse CDF (one NextDouble).</summary>
    /// <param name="probabilities">p (V), non-negative, summing to 1 (up to rounding).</param>
    /// <param name="random">A seeded source; the same seed gives the same draws.</param>
    public static int Draw(IReadOnlyList<double> probabilities, Random random)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(random);
        if (probabilities.Count == 0)
            throw new ArgumentException("cannot draw from an empty distribution", nameof(probabilities));
        var u = random.NextDouble();
        var cumulative = 0.0;
        var last = -1;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0) || double.IsInfinity(p))
                throw new ArgumentException($"probability {i} is {p}; probabilities must be finite and non-negative", nameof(probabilities));
            if (p == 0) continue;
            cumulative += p;
            last = i;
            if (u < cumulative) return i;
        }
        if (last < 0)
            throw new ArgumentException("every probability is 0: no token can be drawn", nameof(probabilities));
        return last; // the sum fell short of u by rounding: the last token with p > 0
    }

    /// <summary>A token drawn from softmax(z / T): <see cref="Softmax(IReadOnlyList{double}, double)"/> then <see cref="Draw"/>.</summary>
    public static int Sample(IReadOnlyList<double> logits, double temperature, Random random) =>
        Draw(Softmax(logits, temperature), random);

    /// <summary>A token drawn from softmax(z / T) of float logits.</summary>
    public static int Sample(ReadOnlySpan<float> logits, double temperature, Random random) =>
        Draw(Softmax(logits, temperature), random);

    /// <summary>The index of the largest logit (the first one on ties): the limit T → 0, greedy decoding.</summary>
    public static int Argmax(ReadOnlySpan<float> logits)
    {
        if (logits.IsEmpty)
            throw new ArgumentException("argmax of an empty list of logits is undefined", nameof(logits));
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
            if (logits[i] > logits[best]) best = i;
        return best;
    }

    private static void RequireTemperature(double temperature)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                "temperature must be a positive finite number (use Argmax for T → 0)");
    }
}
