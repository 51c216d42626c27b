using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The loss value and its gradient with respect to every step's logits.</summary>
/// <param name="Loss">Mean over the counted tokens of −log softmax(z⟨t⟩)[target].</param>
/// <param name="DLogits">∂Loss/∂z⟨t⟩ per step, (classes, batch); zero columns at masked tokens.</param>
/// <param name="Tokens">N, how many tokens were counted (the divisor of the mean).</param>
public sealed record CrossEntropyResult(double Loss, IReadOnlyList<Matrix<double>> DLogits, int Tokens);

/// <summary>
/// Softmax cross-entropy over time with masks for padded steps:
/// L = −(1/N) Σ_t Σ_j mask⟨t⟩_j · log softmax(z⟨t⟩)[y⟨t⟩_j, j], N = Σ mask (the number of real tokens).
/// So the loss is averaged over unmasked tokens — padding neither adds loss nor dilutes the mean — and
/// ∂L/∂z⟨t⟩ = mask · (softmax(z⟨t⟩) − one_hot(y⟨t⟩)) / N.
/// </summary>
public static class SequenceCrossEntropy
{
    /// <param name="logits">z⟨1⟩ … z⟨T⟩, each (classes, batch).</param>
    /// <param name="targets">y⟨t⟩: one class id per example per step, [T][batch].</param>
    /// <param name="mask">[T][batch], true where the token counts; null counts every token.</param>
    public static CrossEntropyResult Compute(IReadOnlyList<Matrix<double>> logits, IReadOnlyList<IReadOnlyList<int>> targets,
        IReadOnlyList<IReadOnlyList<bool>>? mask = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        if (logits.Count == 0) throw new ArgumentException("no steps to compute a loss over", nameof(logits));
        if (targets.Count != logits.Count)
            throw new ArgumentException($"targets cover {targets.Count} steps but there are {logits.Count} steps of logits", nameof(targets));
        if (mask is not null && mask.Count != logits.Count)
            throw new ArgumentException($"mask covers {mask.Count} steps but there are {logits.Count} steps of logits", nameof(mask));

        var classes = logits[0].RowCount;
        var batch = logits[0].ColumnCount;
        var tokens = 0;
        for (var t = 0; t < logits.Count; t++)
        {
            Shape.Require(logits[t], classes, batch, $"logits at step {t}");
            if (targets[t].Count != batch)
                throw new ArgumentException($"targets at step {t} has {targets[t].Count} ids for a batch of {batch}", nameof(targets));
            if (mask is not null && mask[t].Count != batch)
                throw new ArgumentException($"mask at step {t} has {mask[t].Count} entries for a batch of {batch}", nameof(mask));
            for (var j = 0; j < batch; j++)
                if (mask is null || mask[t][j]) tokens++;
        }
        if (tokens == 0) throw new ArgumentException("the mask excludes every token, so the mean loss is undefined", nameof(mask));

        var loss = 0.0;
        var dLogits = new List<Matrix<double>>(logits.Count);
        for (var t = 0; t < logits.Count; t++)
        {
            var p = Activations.Softmax(logits[t]);
            for (var j = 0; j < batch; j++)
            {
                var counted = mask is null || mask[t][j];
                var y = targets[t][j];
                if (counted && (y < 0 || y >= classes))
                    throw new ArgumentOutOfRangeException(nameof(targets), y, $"target at step {t}, example {j} must be a class id in [0, {classes})");
                if (!counted)
                {
                    p.ClearColumn(j);
                    continue;
                }
                loss -= LogSoftmax(logits[t], y, j);
                p[y, j] -= 1.0;
            }
            dLogits.Add(p.Divide(tokens));
        }
        return new CrossEntropyResult(loss / tokens, dLogits, tokens);
    }

    /// <summary>The many-to-one case: one step of logits (classes, batch), one target per example.</summary>
    public static CrossEntropyResult Compute(Matrix<double> logits, IReadOnlyList<int> targets, IReadOnlyList<bool>? mask = null) =>
        Compute([logits], [targets], mask is null ? null : [mask]);

    /// <summary>A [T][batch] mask that is true for the first lengths[j] steps of example j (right padding).</summary>
    public static bool[][] MaskFromLengths(IReadOnlyList<int> lengths, int steps) =>
        Enumerable.Range(0, steps).Select(t => lengths.Select(length => t < length).ToArray()).ToArray();

    /// <summary>log softmax(z)[y, j] = z[y, j] − max − log Σ_k e^(z[k, j] − max), stable for large logits.</summary>
    private static double LogSoftmax(Matrix<double> z, int y, int j)
    {
        var max = double.NegativeInfinity;
        for (var i = 0; i < z.RowCount; i++) max = Math.Max(max, z[i, j]);
        var sum = 0.0;
        for (var i = 0; i < z.RowCount; i++) sum += Math.Exp(z[i, j] - max);
        return z[y, j] - max - Math.Log(sum);
    }
}
