using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>
/// Centred finite differences for models built from the fast layer: every entry of every parameter (or an evenly
/// spread sample of a big one) is nudged by ±ε, the float32 loss is computed in double from the two runs, and the
/// slope is compared with the Grad the backward pass wrote, relative to the largest gradient of that parameter.
/// </summary>
internal static class FastGradientCheck
{
    /// <summary>Checks <paramref name="parameters"/>; <paramref name="backward"/> must zero and fill their Grad.</summary>
    public static void Run(Func<double> loss, Action backward, IEnumerable<FastParameter> parameters,
        double epsilon = 1e-2, double tolerance = 1e-2, int samplesPerParameter = 40)
    {
        var list = parameters.ToList();
        foreach (var p in list) p.ZeroGrad();
        backward();
        var analytic = list.Select(p => p.Grad.ToArray()).ToList();
        for (var k = 0; k < list.Count; k++)
        {
            var p = list[k];
            var scale = Math.Max(analytic[k].Max(Math.Abs), 1e-3);
            var stride = Math.Max(1, p.Count / samplesPerParameter);
            for (var i = 0; i < p.Count; i += stride)
            {
                var keep = p.Value[i];
                p.Value[i] = keep + (float)epsilon;
                var plus = loss();
                p.Value[i] = keep - (float)epsilon;
                var minus = loss();
                p.Value[i] = keep;
                var numeric = (plus - minus) / (2 * epsilon);
                var error = Math.Abs(numeric - analytic[k][i]);
                Assert.True(error <= tolerance * scale,
                    $"{p.Name} #{k} entry {i}: backward {analytic[k][i]:G5}, finite differences {numeric:G5} (|Δ| {error:E2} > {tolerance} × {scale:E2})");
            }
        }
    }
}
