using System.Numerics;
using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>The element-wise part of one tanh-RNN step: h = tanh(W_ih x + b_ih + W_hh h⟨t−1⟩ + b_hh).</summary>
internal static class RnnKernels
{
    /// <summary>h (H) = tanh(pre) where pre (H) is the summed pre-activation.</summary>
    public static void Forward(ReadOnlySpan<float> pre, Span<float> h) => TensorPrimitives.Tanh(pre, h);

    /// <summary>dPre (H) = dh ∗ (1 − h²), the gradient of the pre-activation.</summary>
    public static void Backward(ReadOnlySpan<float> h, ReadOnlySpan<float> dh, Span<float> dPre)
    {
        var n = h.Length;
        var j = 0;
        for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
        {
            var vh = new Vector<float>(h[j..]);
            (new Vector<float>(dh[j..]) * (Vector<float>.One - vh * vh)).CopyTo(dPre[j..]);
        }
        for (; j < n; j++)
            dPre[j] = dh[j] * (1 - h[j] * h[j]);
    }
}
