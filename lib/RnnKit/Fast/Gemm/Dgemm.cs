using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RnnKit.Fast;

/// <summary>
/// Double-precision matrix product in MathNet's storage order (column-major, no padding), register-tiled with AVX2
/// and FMA: C = α·op(A)·op(B) + β·C. It is sized for the scratch layer's small products (tens to a few hundred
/// rows and columns), where MathNet's managed product runs at about 1 GFLOP/s; see <see cref="FastDoubleProducts"/>.
/// </summary>
/// <remarks>
/// Shapes: op(A) is (m, k), op(B) is (k, n), C is (m, n). A is stored (m, k) column-major, or (k, m) when
/// transposed; likewise B. A transposed operand is first copied into column-major order (O(mk) against the
/// product's O(mkn)). Summation runs over k in order, one accumulator per entry of C.
/// </remarks>
public static unsafe class Dgemm
{
    /// <summary>Rows of C one register tile covers: two Vector256 of doubles.</summary>
    private const int TileRows = 8;

    /// <summary>Columns of C one register tile covers.</summary>
    private const int TileColumns = 4;

    /// <summary>True when this processor has AVX2 and FMA, which <see cref="Multiply"/> needs.</summary>
    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>C (m×n) = α·op(A)·op(B) + β·C; with β = 0 the old C is not read (it may hold NaN).</summary>
    /// <param name="transposeA">Use Aᵀ: A is stored (k, m).</param>
    /// <param name="transposeB">Use Bᵀ: B is stored (n, k).</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">α, the factor of the product.</param>
    /// <param name="a">A, column-major as stored.</param>
    /// <param name="b">B, column-major as stored.</param>
    /// <param name="beta">β, the factor of the old C (0: overwrite).</param>
    /// <param name="c">C (m, n), column-major.</param>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, double beta, Span<double> c)
    {
        if (!IsSupported) throw new PlatformNotSupportedException("Dgemm needs AVX2 and FMA");
        if (m < 0 || n < 0 || k < 0) throw new ArgumentOutOfRangeException(nameof(m), $"negative size: m {m}, n {n}, k {k}");
        if (a.Length < (long)m * k) throw new ShapeMismatchException($"A must hold op(A) of shape ({m}, {k}) = {(long)m * k} doubles but has {a.Length}");
        if (b.Length < (long)k * n) throw new ShapeMismatchException($"B must hold op(B) of shape ({k}, {n}) = {(long)k * n} doubles but has {b.Length}");
        if (c.Length < (long)m * n) throw new ShapeMismatchException($"C must hold ({m}, {n}) = {(long)m * n} doubles but has {c.Length}");

        double[]? rentedA = null, rentedB = null;
        try
        {
            if (transposeA)
            {
                rentedA = ArrayPool<double>.Shared.Rent(m * k);
                Transpose(a, k, m, rentedA);
                a = rentedA.AsSpan(0, m * k);
            }
            if (transposeB)
            {
                rentedB = ArrayPool<double>.Shared.Rent(k * n);
                Transpose(b, n, k, rentedB);
                b = rentedB.AsSpan(0, k * n);
            }
            fixed (double* pa = a)
            fixed (double* pb = b)
            fixed (double* pc = c)
                Columns(m, n, k, alpha, pa, pb, beta, pc);
        }
        finally
        {
            if (rentedA is not null) ArrayPool<double>.Shared.Return(rentedA);
            if (rentedB is not null) ArrayPool<double>.Shared.Return(rentedB);
        }
    }

    /// <summary>source stored (rows, columns) column-major → destination (columns, rows) column-major.</summary>
    private static void Transpose(ReadOnlySpan<double> source, int rows, int columns, Span<double> destination)
    {
        for (var j = 0; j < columns; j++)
        {
            var column = source.Slice(j * rows, rows);
            for (var i = 0; i < rows; i++)
                destination[i * columns + j] = column[i];
        }
    }

    private static void Columns(int m, int n, int k, double alpha, double* a, double* b, double beta, double* c)
    {
        var j = 0;
        for (; j + TileColumns <= n; j += TileColumns)
        {
            var i = 0;
            for (; i + TileRows <= m; i += TileRows)
                Tile8x4(m, k, alpha, a + i, b + j * k, beta, c + j * m + i);
            for (; i < m; i++)
                for (var jj = j; jj < j + TileColumns; jj++)
                    Scalar(m, k, alpha, a + i, b + jj * k, beta, c + jj * m + i);
        }
        for (; j < n; j++)
        {
            var i = 0;
            for (; i + TileRows <= m; i += TileRows)
                Tile8x1(m, k, alpha, a + i, b + j * k, beta, c + j * m + i);
            for (; i < m; i++)
                Scalar(m, k, alpha, a + i, b + j * k, beta, c + j * m + i);
        }
    }

    /// <summary>C[8×4] = α·A[8 rows, all k]·B[k, 4 columns] + β·C; 8 accumulators in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8x4(int m, int k, double alpha, double* a, double* b, double beta, double* c)
    {
        Vector256<double> c00 = default, c10 = default, c01 = default, c11 = default;
        Vector256<double> c02 = default, c12 = default, c03 = default, c13 = default;
        double* b1 = b + k, b2 = b + 2 * k, b3 = b + 3 * k;
        for (var p = 0; p < k; p++)
        {
            var a0 = Avx.LoadVector256(a);
            var a1 = Avx.LoadVector256(a + 4);
            var x = Vector256.Create(b[p]);
            c00 = Fma.MultiplyAdd(a0, x, c00);
            c10 = Fma.MultiplyAdd(a1, x, c10);
            x = Vector256.Create(b1[p]);
            c01 = Fma.MultiplyAdd(a0, x, c01);
            c11 = Fma.MultiplyAdd(a1, x, c11);
            x = Vector256.Create(b2[p]);
            c02 = Fma.MultiplyAdd(a0, x, c02);
            c12 = Fma.MultiplyAdd(a1, x, c12);
            x = Vector256.Create(b3[p]);
            c03 = Fma.MultiplyAdd(a0, x, c03);
            c13 = Fma.MultiplyAdd(a1, x, c13);
            a += m;
        }
        Store(c, c00, c10, alpha, beta);
        Store(c + m, c01, c11, alpha, beta);
        Store(c + 2 * m, c02, c12, alpha, beta);
        Store(c + 3 * m, c03, c13, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8x1(int m, int k, double alpha, double* a, double* b, double beta, double* c)
    {
        Vector256<double> c0 = default, c1 = default;
        for (var p = 0; p < k; p++)
        {
            var x = Vector256.Create(b[p]);
            c0 = Fma.MultiplyAdd(Avx.LoadVector256(a), x, c0);
            c1 = Fma.MultiplyAdd(Avx.LoadVector256(a + 4), x, c1);
            a += m;
        }
        Store(c, c0, c1, alpha, beta);
    }

    private static void Scalar(int m, int k, double alpha, double* a, double* b, double beta, double* c)
    {
        var sum = 0.0;
        for (var p = 0; p < k; p++)
            sum += a[p * (nint)m] * b[p];
        *c = beta == 0 ? alpha * sum : alpha * sum + beta * *c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(double* c, Vector256<double> low, Vector256<double> high, double alpha, double beta)
    {
        var scale = Vector256.Create(alpha);
        if (beta == 0)
        {
            Avx.Store(c, low * scale);
            Avx.Store(c + 4, high * scale);
            return;
        }
        var keep = Vector256.Create(beta);
        Avx.Store(c, Fma.MultiplyAdd(Avx.LoadVector256(c), keep, low * scale));
        Avx.Store(c + 4, Fma.MultiplyAdd(Avx.LoadVector256(c + 4), keep, high * scale));
    }
}
