using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RnnKit.Fast;

internal static unsafe partial class MicroKernels
{
    public const int Avx512Rows = 8;
    public const int Avx512Columns = 32;

    /// <summary>
    /// C[8×32] (+)= A · Bp over <paramref name="kc"/> steps. Element (r, p) of the A strip is at
    /// a[r·rowStride + p·stepStride] (packed: 1 and 8; read in place: lda and 1, or 1 and lda when transposed);
    /// Bp is kc rows of 32 values; C has row stride <paramref name="ldc"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Avx512(int kc, float* a, nint rowStride, nint stepStride, float* b, float* c, int ldc, bool accumulate)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;
        nint r1 = rowStride, r2 = 2 * rowStride, r3 = 3 * rowStride, r4 = 4 * rowStride;
        nint r5 = 5 * rowStride, r6 = 6 * rowStride, r7 = 7 * rowStride;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var a0 = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[r1]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[r2]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[r3]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(a[r4]);
            c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(a[r5]);
            c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(a[r6]);
            c60 = Avx512F.FusedMultiplyAdd(a6, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(a[r7]);
            c70 = Avx512F.FusedMultiplyAdd(a7, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(a7, b1, c71);
            a += stepStride;
            b += Avx512Columns;
        }
        Store512(c, c00, c01, accumulate);
        Store512(c + ldc, c10, c11, accumulate);
        Store512(c + 2 * ldc, c20, c21, accumulate);
        Store512(c + 3 * ldc, c30, c31, accumulate);
        Store512(c + 4 * ldc, c40, c41, accumulate);
        Store512(c + 5 * ldc, c50, c51, accumulate);
        Store512(c + 6 * ldc, c60, c61, accumulate);
        Store512(c + 7 * ldc, c70, c71, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(float* row, Vector512<float> left, Vector512<float> right, bool accumulate)
    {
        if (accumulate)
        {
            left += Vector512.Load(row);
            right += Vector512.Load(row + 16);
        }
        left.Store(row);
        right.Store(row + 16);
    }
}
