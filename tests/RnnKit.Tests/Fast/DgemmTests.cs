using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

public class DgemmTests
{
    public static TheoryData<bool, bool, int, int, int> Cases()
    {
        var data = new TheoryData<bool, bool, int, int, int>();
        // sizes around the 8×4 tile: exact tiles, row and column remainders, k = 0, and a lesson-sized product
        int[][] sizes = [[1, 1, 1], [8, 4, 5], [7, 3, 2], [13, 33, 17], [32, 32, 64], [96, 32, 80], [5, 6, 0]];
        foreach (var transposeA in new[] { false, true })
            foreach (var transposeB in new[] { false, true })
                foreach (var s in sizes)
                    data.Add(transposeA, transposeB, s[0], s[1], s[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_naive_triple_loop(bool transposeA, bool transposeB, int m, int n, int k)
    {
        if (!Dgemm.IsSupported) Assert.Skip("this processor lacks AVX2 and FMA");
        var random = new Random(m * 1000 + n * 10 + k);
        var a = Enumerable.Range(0, m * k).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        foreach (var (alpha, beta) in new[] { (1.0, 0.0), (0.5, 1.0), (-2.0, 0.25) })
        {
            var c = Enumerable.Range(0, m * n).Select(_ => random.NextDouble()).ToArray();
            var expected = new double[m * n];
            for (var i = 0; i < m; i++)
                for (var j = 0; j < n; j++)
                {
                    var sum = 0.0;
                    for (var p = 0; p < k; p++)
                        sum += (transposeA ? a[i * k + p] : a[p * m + i]) * (transposeB ? b[p * n + j] : b[j * k + p]);
                    expected[j * m + i] = alpha * sum + beta * c[j * m + i];
                }
            if (beta == 0) Array.Fill(c, double.NaN); // β = 0 must not read C
            Dgemm.Multiply(transposeA, transposeB, m, n, k, alpha, a, b, beta, c);
            for (var e = 0; e < expected.Length; e++)
                Assert.True(Math.Abs(expected[e] - c[e]) <= 1e-12 * (1 + Math.Abs(expected[e])),
                    $"entry {e} (row {e % m}, column {e / m}): {c[e]} instead of {expected[e]} (α {alpha}, β {beta})");
        }
    }

    [Fact]
    public void Too_short_operands_are_refused_with_their_sizes()
    {
        if (!Dgemm.IsSupported) Assert.Skip("this processor lacks AVX2 and FMA");
        var e = Assert.Throws<ShapeMismatchException>(() => Dgemm.Multiply(false, false, 2, 2, 3, 1, new double[5], new double[6], 0, new double[4]));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("has 5", e.Message);
    }
}
