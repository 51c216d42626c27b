using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>
/// Mean softmax cross-entropy over N positions, PyTorch's <c>F.cross_entropy</c>:
/// L = −(1/N) Σₙ log softmax(zₙ)[yₙ], and ∂L/∂zₙ = (softmax(zₙ) − onehot(yₙ)) / N.
/// </summary>
public static class FastSoftmaxCrossEntropy
{
    /// <summary>Returns L and writes ∂L/∂logits into <paramref name="dLogits"/>.</summary>
    /// <param name="logits">z (N, V).</param>
    /// <param name="targets">y (N), each in [0, V).</param>
    /// <param name="classes">V.</param>
    /// <param name="dLogits">(N, V); may be the logits span itself.</param>
    public static float LossAndGradient(ReadOnlySpan<float> logits, ReadOnlySpan<int> targets, int classes, Span<float> dLogits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        var n = targets.Length;
        if (logits.Length != n * classes)
            throw new ShapeMismatchException($"logits must have shape (N, V) = ({n}, {classes}) but has {logits.Length} values");
        if (dLogits.Length != logits.Length)
            throw new ShapeMismatchException($"dLogits must have shape (N, V) = ({n}, {classes}) but has {dLogits.Length} values");
        double total = 0;
        var scale = 1f / n;
        for (var i = 0; i < n; i++)
        {
            var y = targets[i];
            if ((uint)y >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(targets), $"target {y} at position {i} is outside [0, {classes})");
            var z = logits.Slice(i * classes, classes);
            var d = dLogits.Slice(i * classes, classes);
            var zy = z[y];
            // log Σ exp(z) with the maximum subtracted, so exp never overflows
            var max = TensorPrimitives.Max(z);
            TensorPrimitives.Subtract(z, max, d);
            TensorPrimitives.Exp(d, d);
            var sum = TensorPrimitives.Sum(d);
            total += max + MathF.Log(sum) - zy;
            TensorPrimitives.Multiply(d, scale / sum, d);
            d[y] -= scale;
        }
        return (float)(total / n);
    }
}
