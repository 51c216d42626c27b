using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

public class SgemmTests
{
    /// <summary>float32 sums of up to a few hundred products of values in [-1, 1]: relative to the row's scale.</summary>
    private const float Tolerance = 1e-5f;

    public static TheoryData<MicroKernelKind, MatrixOp, MatrixOp, int, int, int> Cases()
    {
        var data = new TheoryData<MicroKernelKind, MatrixOp, MatrixOp, int, int, int>();
        int[][] sizes = [[1, 1, 1], [7, 5, 3], [13, 33, 17], [9, 70, 300], [130, 17, 257], [37, 530, 41]];
        foreach (var kind in Enum.GetValues<MicroKernelKind>())
            foreach (var opA in Enum.GetValues<MatrixOp>())
                foreach (var opB in Enum.GetValues<MatrixOp>())
                    foreach (var s in sizes)
                        data.Add(kind, opA, opB, s[0], s[1], s[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_naive_triple_loop(MicroKernelKind kind, MatrixOp opA, MatrixOp opB, int m, int n, int k)
    {
        if (!MicroKernel.IsSupported(kind)) Assert.Skip($"{kind} is not supported on this processor");
        var random = new Random(m * 1000 + n * 10 + k);
        // Leading dimensions wider than the stored rows, to prove strides are honoured.
        var lda = (opA == MatrixOp.None ? k : m) + 3;
        var ldb = (opB == MatrixOp.None ? n : k) + 2;
        var ldc = n + 1;
        var a = RandomArray(random, (opA == MatrixOp.None ? m : k) * lda);
        var b = RandomArray(random, (opB == MatrixOp.None ? k : n) * ldb);
        foreach (var accumulate in new[] { false, true })
        {
            var c = RandomArray(random, m * ldc);
            var expected = Naive(opA, opB, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
            Sgemm.Multiply(kind, opA, opB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, parallel: true);
            AssertClose(expected, c, m, n, ldc, k);
        }
    }

    [Theory]
    [InlineData(MatrixOp.None, 5, 40, 300)]
    [InlineData(MatrixOp.Transpose, 16, 512, 128)]
    [InlineData(MatrixOp.None, 45, 65, 33)]
    public void Packed_B_gives_the_same_product(MatrixOp opB, int m, int n, int k)
    {
        var random = new Random(7);
        var ldb = opB == MatrixOp.None ? n : k;
        var a = RandomArray(random, m * k);
        var b = RandomArray(random, (opB == MatrixOp.None ? k : n) * ldb);
        var c = RandomArray(random, m * n);
        var expected = Naive(MatrixOp.None, opB, m, n, k, a, k, b, ldb, c, n, accumulate: true);
        var packed = PackedMatrix.Pack(opB, k, n, b, ldb);
        Sgemm.Multiply(MatrixOp.None, m, a, k, packed, c, n, accumulate: true);
        AssertClose(expected, c, m, n, n, k);
    }

    [Theory]
    [InlineData(MatrixOp.None, MatrixOp.Transpose, 300, 64, 40, 1)]
    [InlineData(MatrixOp.None, MatrixOp.Transpose, 300, 64, 40, 2)]
    [InlineData(MatrixOp.None, MatrixOp.None, 40, 600, 70, 3)]
    [InlineData(MatrixOp.Transpose, MatrixOp.None, 33, 17, 5, 2)]
    public void A_product_plus_a_bias_row_matches_the_naive_loop_and_its_bits_do_not_depend_on_the_threads(
        MatrixOp opA, MatrixOp opB, int m, int n, int k, int threads)
    {
        var random = new Random(11);
        int lda = opA == MatrixOp.None ? k : m, ldb = opB == MatrixOp.None ? n : k;
        var a = RandomArray(random, m * k);
        var b = RandomArray(random, k * n);
        var bias = RandomArray(random, n);
        var rowOfBias = new float[m * n];
        for (var i = 0; i < m; i++) bias.CopyTo(rowOfBias, i * n);
        var expected = Naive(opA, opB, m, n, k, a, lda, b, ldb, rowOfBias, n, accumulate: true);
        float[] Run(int count) => FastAssert.WithThreads(count, () =>
        {
            var c = RandomArray(random, m * n); // overwritten: the bias replaces whatever C held
            Sgemm.MultiplyAddBias(opA, opB, m, n, k, a, lda, b, ldb, bias, c, n);
            return c;
        });
        var one = Run(1);
        AssertClose(expected, one, m, n, n, k);
        Assert.Equal(one, Run(threads));
        // the same bits as the bias copied into C first and the product added to it
        Sgemm.Multiply(opA, opB, m, n, k, a, lda, b, ldb, rowOfBias, n, accumulate: true);
        Assert.Equal(rowOfBias, one);
    }

    [Fact]
    public void A_bias_that_does_not_fit_the_columns_is_rejected_with_both_sizes()
    {
        var e = Assert.Throws<ShapeMismatchException>(() =>
            Sgemm.MultiplyAddBias(MatrixOp.None, MatrixOp.None, 3, 4, 5, new float[15], 5, new float[20], 4, new float[3], new float[12], 4));
        Assert.Contains("4 columns", e.Message);
        Assert.Contains("3 values", e.Message);
    }

    [Fact]
    public void A_span_too_short_for_its_shape_is_rejected_with_the_shape()
    {
        var e = Assert.Throws<ShapeMismatchException>(() =>
            Sgemm.Multiply(MatrixOp.None, MatrixOp.None, 3, 4, 5, new float[14], 5, new float[20], 4, new float[12], 4));
        Assert.Contains("op(A) must be (3, 5)", e.Message);
        Assert.Contains("has 14", e.Message);
    }

    internal static float[] RandomArray(Random random, int length)
    {
        var x = new float[length];
        for (var i = 0; i < length; i++) x[i] = (float)(random.NextDouble() * 2 - 1);
        return x;
    }

    private static double[] Naive(MatrixOp opA, MatrixOp opB, int m, int n, int k, float[] a, int lda, float[] b, int ldb,
        float[] c, int ldc, bool accumulate)
    {
        var result = new double[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double sum = accumulate ? c[i * ldc + j] : 0;
                for (var p = 0; p < k; p++)
                {
                    var aip = opA == MatrixOp.None ? a[i * lda + p] : a[p * lda + i];
                    var bpj = opB == MatrixOp.None ? b[p * ldb + j] : b[j * ldb + p];
                    sum += (double)aip * bpj;
                }
                result[i * n + j] = sum;
            }
        return result;
    }

    private static void AssertClose(double[] expected, float[] actual, int m, int n, int ldc, int k)
    {
        var scale = Math.Sqrt(k) + 1;
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var error = Math.Abs(expected[i * n + j] - actual[i * ldc + j]);
                Assert.True(error <= Tolerance * scale * 4, $"C[{i},{j}]: expected {expected[i * n + j]}, got {actual[i * ldc + j]} (k = {k})");
            }
    }
}
