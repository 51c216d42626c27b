using System.Numerics;
using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>The element-wise part of one LSTM step for one example (PyTorch's gate order i, f, g, o).</summary>
internal static class LstmKernels
{
    /// <summary>
    /// gates (4H) holds the pre-activations on entry and the activations on exit:
    /// i = σ, f = σ, g = tanh, o = σ; then c = f∗c⟨t−1⟩ + i∗g, tanhC = tanh(c), h = o∗tanhC. All spans (H).
    /// </summary>
    public static void Forward(Span<float> gates, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> tanhC, Span<float> h)
    {
        var n = c.Length;
        var ifGates = gates[..(2 * n)];
        TensorPrimitives.Sigmoid(ifGates, ifGates);
        var g = gates.Slice(2 * n, n);
        TensorPrimitives.Tanh(g, g);
        var o = gates.Slice(3 * n, n);
        TensorPrimitives.Sigmoid(o, o);
        TensorPrimitives.Multiply(gates.Slice(n, n), cPrev, c);
        TensorPrimitives.MultiplyAdd(gates[..n], g, c, c);
        TensorPrimitives.Tanh(c, tanhC);
        TensorPrimitives.Multiply(o, tanhC, h);
    }

    /// <summary>
    /// Backward of one step given dh = ∂L/∂h⟨t⟩ (H) and dc = ∂L/∂c⟨t⟩ from step t+1 (H, overwritten with
    /// ∂L/∂c⟨t−1⟩); writes ∂L/∂(pre-activations) of i, f, g, o into dGates (4H).
    /// </summary>
    public static void Backward(ReadOnlySpan<float> gates, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> tanhC,
        ReadOnlySpan<float> dh, Span<float> dc, Span<float> dGates)
    {
        var n = dh.Length;
        ReadOnlySpan<float> i = gates[..n], f = gates.Slice(n, n), g = gates.Slice(2 * n, n), o = gates.Slice(3 * n, n);
        Span<float> di = dGates[..n], df = dGates.Slice(n, n), dg = dGates.Slice(2 * n, n), dO = dGates.Slice(3 * n, n);
        var one = Vector<float>.One;
        var j = 0;
        for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
        {
            var vi = new Vector<float>(i[j..]);
            var vf = new Vector<float>(f[j..]);
            var vg = new Vector<float>(g[j..]);
            var vo = new Vector<float>(o[j..]);
            var vt = new Vector<float>(tanhC[j..]);
            var vdh = new Vector<float>(dh[j..]);
            // dc: the path from step t+1 plus the path through h = o ∗ tanh(c)
            var vdc = new Vector<float>(dc[j..]) + vdh * vo * (one - vt * vt);
            (vdh * vt * vo * (one - vo)).CopyTo(dO[j..]);
            (vdc * vg * vi * (one - vi)).CopyTo(di[j..]);
            (vdc * vi * (one - vg * vg)).CopyTo(dg[j..]);
            (vdc * new Vector<float>(cPrev[j..]) * vf * (one - vf)).CopyTo(df[j..]);
            (vdc * vf).CopyTo(dc[j..]);
        }
        for (; j < n; j++)
        {
            var dcj = dc[j] + dh[j] * o[j] * (1 - tanhC[j] * tanhC[j]);
            dO[j] = dh[j] * tanhC[j] * o[j] * (1 - o[j]);
            di[j] = dcj * g[j] * i[j] * (1 - i[j]);
            dg[j] = dcj * i[j] * (1 - g[j] * g[j]);
            df[j] = dcj * cPrev[j] * f[j] * (1 - f[j]);
            dc[j] = dcj * f[j];
        }
    }
}
