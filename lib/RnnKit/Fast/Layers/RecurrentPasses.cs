using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>The parts every recurrent layer shares: the fused input projection and the weight gradients.</summary>
internal static class RecurrentPasses
{
    /// <summary>
    /// gates (T·B, G·H) = X (T·B, I) · W_ihᵀ + bias (+ bias2): the input part of every gate at every step in one
    /// matrix product. <paramref name="bias2"/> may be empty.
    /// </summary>
    public static void InputProjection(RecurrentWeights w, ReadOnlySpan<float> x, int rows, ReadOnlySpan<float> bias,
        ReadOnlySpan<float> bias2, Span<float> gates)
    {
        var width = w.GateWidth;
        var first = gates[..width];
        if (bias2.IsEmpty) bias.CopyTo(first);
        else TensorPrimitives.Add(bias, bias2, first);
        for (var r = 1; r < rows; r++)
            first.CopyTo(gates.Slice(r * width, width));
        Sgemm.Multiply(MatrixOp.None, MatrixOp.Transpose, rows, width, w.InputSize, x, w.InputSize,
            w.WeightIh.Value, w.InputSize, gates, width, accumulate: true);
    }

    /// <summary>
    /// After the backward recursion: ∂W_ih += dGxᵀ·X, ∂W_hh += dGhᵀ·H⟨t−1⟩, ∂b_ih += Σ dGx, ∂b_hh += Σ dGh (sums
    /// over all T·B positions, one product each), and dX = dGx · W_ih when dX is not empty.
    /// </summary>
    public static void WeightGradients(RecurrentWeights w, int rows, ReadOnlySpan<float> x, ReadOnlySpan<float> previousH,
        ReadOnlySpan<float> dGx, ReadOnlySpan<float> dGh, Span<float> dX)
    {
        int width = w.GateWidth, input = w.InputSize, hidden = w.HiddenSize;
        Sgemm.Multiply(MatrixOp.Transpose, MatrixOp.None, width, input, rows, dGx, width, x, input, w.WeightIh.Grad, input, accumulate: true);
        Sgemm.Multiply(MatrixOp.Transpose, MatrixOp.None, width, hidden, rows, dGh, width, previousH, hidden, w.WeightHh.Grad, hidden, accumulate: true);
        AddColumnSums(dGx, rows, width, w.BiasIh.Grad);
        AddColumnSums(dGh, rows, width, w.BiasHh.Grad);
        if (!dX.IsEmpty)
            Sgemm.Multiply(MatrixOp.None, MatrixOp.None, rows, input, width, dGx, width, w.WeightIh.Value, input, dX, input);
    }

    /// <summary>sums (width) += Σ over the rows of m (rows, width).</summary>
    public static void AddColumnSums(ReadOnlySpan<float> m, int rows, int width, Span<float> sums)
    {
        for (var r = 0; r < rows; r++)
            TensorPrimitives.Add(sums, m.Slice(r * width, width), sums);
    }

    /// <summary>Copies an initial state (B, H) into slot 0 of a (T+1, B, H) buffer; empty means zeros.</summary>
    public static void SetInitial(ReadOnlySpan<float> initial, Span<float> slot0)
    {
        if (initial.IsEmpty) slot0.Clear();
        else initial.CopyTo(slot0);
    }
}
