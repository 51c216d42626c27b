namespace RnnKit.Text;

/// <summary>
/// Perplexity = exp(−(1/N) Σ log p_t): the effective number of equally likely choices a model hesitates
/// between. A model that always assigns 1/V has perplexity V; a perfect model has perplexity 1.
/// </summary>
public static class Perplexity
{
    /// <summary>Perplexity from the probabilities the model gave to each actual next token.</summary>
    public static double Of(IEnumerable<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var sumLog = 0.0;
        var n = 0;
        foreach (var p in probabilities)
        {
            if (!(p > 0 && p <= 1))
                throw new ArgumentOutOfRangeException(nameof(probabilities), $"probability {n} is {p}; it must be in (0, 1]");
            sumLog += Math.Log(p);
            n++;
        }
        if (n == 0)
            throw new ArgumentException("perplexity of an empty sequence is undefined", nameof(probabilities));
        return Math.Exp(-sumLog / n);
    }

    /// <summary>Perplexity from a mean cross-entropy loss in nats (what a training loop reports): exp(loss).</summary>
    public static double FromCrossEntropy(double meanLossInNats) => Math.Exp(meanLossInNats);
}
