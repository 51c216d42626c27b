using System.Numerics;

namespace RnnKit.Fast;

/// <summary>
/// Adam (Kingma &amp; Ba), as PyTorch computes it: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
/// θ ← θ − (α / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε). State per parameter, keyed by position in the list.
/// </summary>
public sealed class FastAdam
{
    private readonly FastParameter[] _parameters;
    private readonly float[][] _m;
    private readonly float[][] _v;

    /// <summary>Every parameter cut into pieces of at most <see cref="PieceLength"/> values, so threads share the update.</summary>
    private readonly (int Parameter, int Start, int Count)[] _pieces;

    /// <summary>Values per piece of the update (a multiple of every SIMD width, so each value is updated the same way whatever the cut).</summary>
    private const int PieceLength = 16_384;

    /// <summary>Pieces each thread must get before a second one pays.</summary>
    private const int MinPiecesPerThread = 2;

    public FastAdam(IEnumerable<FastParameter> parameters, FastAdamConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        _m = [.. _parameters.Select(p => new float[p.Count])];
        _v = [.. _parameters.Select(p => new float[p.Count])];
        Config = config ?? new FastAdamConfig();
        _pieces = [.. _parameters.SelectMany((p, k) => Enumerable.Range(0, (p.Count + PieceLength - 1) / PieceLength)
            .Select(i => (k, i * PieceLength, Math.Min(PieceLength, p.Count - i * PieceLength))))];
    }

    public FastAdamConfig Config { get; }

    /// <summary>t: updates done so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>One update of every parameter from its Grad (the gradients are not cleared).</summary>
    public void Step()
    {
        StepCount++;
        var c = Config;
        var correction1 = 1 - Math.Pow(c.Beta1, StepCount);
        var correction2 = 1 - Math.Pow(c.Beta2, StepCount);
        var stepSize = (float)(c.LearningRate / correction1);
        var invSqrtCorrection2 = (float)(1 / Math.Sqrt(correction2));
        Parts.For(_pieces.Length, MinPiecesPerThread, align: 1, (first, count) =>
        {
            foreach (var (k, start, length) in _pieces.AsSpan(first, count))
                Update(_parameters[k].Value.AsSpan(start, length), _parameters[k].Grad.AsSpan(start, length),
                    _m[k].AsSpan(start, length), _v[k].AsSpan(start, length), c, stepSize, invSqrtCorrection2);
        });
    }

    private static void Update(Span<float> theta, ReadOnlySpan<float> g, Span<float> m, Span<float> v, FastAdamConfig c, float stepSize, float invSqrtCorrection2)
    {
        float b1 = c.Beta1, b2 = c.Beta2, eps = c.Epsilon;
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vb1 = new Vector<float>(b1);
            var vb2 = new Vector<float>(b2);
            var v1mb1 = new Vector<float>(1 - b1);
            var v1mb2 = new Vector<float>(1 - b2);
            var vEps = new Vector<float>(eps);
            var vStep = new Vector<float>(stepSize);
            var vInv = new Vector<float>(invSqrtCorrection2);
            for (; j <= theta.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                var vg = new Vector<float>(g[j..]);
                var vm = vb1 * new Vector<float>(m[j..]) + v1mb1 * vg;
                var vv = vb2 * new Vector<float>(v[j..]) + v1mb2 * vg * vg;
                vm.CopyTo(m[j..]);
                vv.CopyTo(v[j..]);
                (new Vector<float>(theta[j..]) - vStep * vm / (Vector.SquareRoot(vv) * vInv + vEps)).CopyTo(theta[j..]);
            }
        }
        for (; j < theta.Length; j++)
        {
            m[j] = b1 * m[j] + (1 - b1) * g[j];
            v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];
            theta[j] -= stepSize * m[j] / (MathF.Sqrt(v[j]) * invSqrtCorrection2 + eps);
        }
    }
}
