using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnKit.Fast;

internal static unsafe partial class MicroKernels
{
    /// <summary>Tile of the portable kernels (the same as AVX2's, so the packing is shared).</summary>
    public const int PortableRows = 6;
    public const int PortableColumns = 16;

    /// <summary>C[6×16] (+)= A · Bp with Vector128 (four vectors per row; spills on SSE, fine on NEON).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Vector128Kernel(int kc, float* a, nint rowStride, nint stepStride, float* b, float* c, int ldc, bool accumulate)
    {
        var acc = stackalloc Vector128<float>[PortableRows * 4];
        for (var i = 0; i < PortableRows * 4; i++) acc[i] = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector128.Load(b);
            var b1 = Vector128.Load(b + 4);
            var b2 = Vector128.Load(b + 8);
            var b3 = Vector128.Load(b + 12);
            for (var r = 0; r < PortableRows; r++)
            {
                var ar = Vector128.Create(a[r * rowStride]);
                var row = acc + 4 * r;
                row[0] = Vector128.MultiplyAddEstimate(ar, b0, row[0]);
                row[1] = Vector128.MultiplyAddEstimate(ar, b1, row[1]);
                row[2] = Vector128.MultiplyAddEstimate(ar, b2, row[2]);
                row[3] = Vector128.MultiplyAddEstimate(ar, b3, row[3]);
            }
            a += stepStride;
            b += PortableColumns;
        }
        for (var r = 0; r < PortableRows; r++)
        {
            var dst = c + r * ldc;
            for (var v = 0; v < 4; v++)
            {
                var value = acc[4 * r + v];
                if (accumulate) value += Vector128.Load(dst + 4 * v);
                value.Store(dst + 4 * v);
            }
        }
    }

    /// <summary>C[6×16] (+)= A · Bp in plain scalar code: the reference every other kernel must match.</summary>
    public static void Scalar(int kc, float* a, nint rowStride, nint stepStride, float* b, float* c, int ldc, bool accumulate)
    {
        var acc = stackalloc float[PortableRows * PortableColumns];
        for (var i = 0; i < PortableRows * PortableColumns; i++) acc[i] = 0f;
        for (var p = 0; p < kc; p++)
        {
            for (var r = 0; r < PortableRows; r++)
            {
                var ar = a[r * rowStride];
                for (var j = 0; j < PortableColumns; j++)
                    acc[r * PortableColumns + j] += ar * b[j];
            }
            a += stepStride;
            b += PortableColumns;
        }
        for (var r = 0; r < PortableRows; r++)
            for (var j = 0; j < PortableColumns; j++)
                c[r * ldc + j] = (accumulate ? c[r * ldc + j] : 0f) + acc[r * PortableColumns + j];
    }
}
