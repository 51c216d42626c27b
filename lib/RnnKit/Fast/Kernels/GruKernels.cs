using System.Numerics;
using System.Numerics.Tensors;

namespace RnnKit.Fast;

/// <summary>
/// The element-wise part of one GRU step for one example, PyTorch's formulas (gate order r, z, n):
/// r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r ∗ h_n), h = (1 − z) ∗ n + z ∗ h⟨t−1⟩,
/// where x_• = W_i• x + b_i• and h_• = W_h• h⟨t−1⟩ + b_h• (the reset gate multiplies h_n, bias included).
/// </summary>
internal static class GruKernels
{
    /// <summary>gates (3H): x_r, x_z, x_n on entry, r, z, n on exit; hidden (3H): h_r, h_z, h_n; h (H) out.</summary>
    public static void Forward(Span<float> gates, ReadOnlySpan<float> hidden, ReadOnlySpan<float> hPrev, Span<float> h)
    {
        var n = h.Length;
        var rz = gates[..(2 * n)];
        TensorPrimitives.Add(rz, hidden[..(2 * n)], rz);
        TensorPrimitives.Sigmoid(rz, rz);
        var candidate = gates.Slice(2 * n, n);
        TensorPrimitives.MultiplyAdd(gates[..n], hidden.Slice(2 * n, n), candidate, candidate);
        TensorPrimitives.Tanh(candidate, candidate);
        // h = n + z ∗ (h⟨t−1⟩ − n)
        TensorPrimitives.Subtract(hPrev, candidate, h);
        TensorPrimitives.MultiplyAdd(gates.Slice(n, n), h, candidate, h);
    }

    /// <summary>
    /// Backward of one step given dh = ∂L/∂h⟨t⟩ (H): writes ∂L/∂(x_r, x_z, x_n) into dGx (3H), ∂L/∂(h_r, h_z, h_n)
    /// into dGh (3H), and the direct part z ∗ dh of ∂L/∂h⟨t−1⟩ into dhPrev (H).
    /// </summary>
    public static void Backward(ReadOnlySpan<float> gates, ReadOnlySpan<float> hidden, ReadOnlySpan<float> hPrev,
        ReadOnlySpan<float> dh, Span<float> dGx, Span<float> dGh, Span<float> dhPrev)
    {
        var n = dh.Length;
        ReadOnlySpan<float> r = gates[..n], z = gates.Slice(n, n), c = gates.Slice(2 * n, n), hn = hidden.Slice(2 * n, n);
        var one = Vector<float>.One;
        var j = 0;
        for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
        {
            var vr = new Vector<float>(r[j..]);
            var vz = new Vector<float>(z[j..]);
            var vc = new Vector<float>(c[j..]);
            var vdh = new Vector<float>(dh[j..]);
            var dnPre = vdh * (one - vz) * (one - vc * vc);
            var dzPre = vdh * (new Vector<float>(hPrev[j..]) - vc) * vz * (one - vz);
            var drPre = dnPre * new Vector<float>(hn[j..]) * vr * (one - vr);
            drPre.CopyTo(dGx[j..]);
            dzPre.CopyTo(dGx[(n + j)..]);
            dnPre.CopyTo(dGx[(2 * n + j)..]);
            drPre.CopyTo(dGh[j..]);
            dzPre.CopyTo(dGh[(n + j)..]);
            (dnPre * vr).CopyTo(dGh[(2 * n + j)..]);
            (vdh * vz).CopyTo(dhPrev[j..]);
        }
        for (; j < n; j++)
        {
            var dnPre = dh[j] * (1 - z[j]) * (1 - c[j] * c[j]);
            var dzPre = dh[j] * (hPrev[j] - c[j]) * z[j] * (1 - z[j]);
            var drPre = dnPre * hn[j] * r[j] * (1 - r[j]);
            dGx[j] = dGh[j] = drPre;
            dGx[n + j] = dGh[n + j] = dzPre;
            dGx[2 * n + j] = dnPre;
            dGh[2 * n + j] = dnPre * r[j];
            dhPrev[j] = dh[j] * z[j];
        }
    }
}
