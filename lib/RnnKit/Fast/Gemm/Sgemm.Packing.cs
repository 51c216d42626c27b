namespace RnnKit.Fast;

public static unsafe partial class Sgemm
{
    /// <summary>
    /// Copies the block op(A)[i0 : i0+mc, p0 : p0+kc] into strips of <paramref name="mr"/> rows; inside a strip
    /// the values are stored column after column (mr values per k), rows past the end padded with zeros.
    /// </summary>
    internal static void PackA(MatrixOp opA, float* a, int lda, int i0, int mc, int p0, int kc, int mr, float* dst)
    {
        for (var strip = 0; strip < mc; strip += mr, dst += (long)kc * mr)
        {
            var rows = Math.Min(mr, mc - strip);
            if (opA == MatrixOp.None)
            {
                // Row r of the strip is contiguous in A: read it once, scatter it with stride mr.
                for (var r = 0; r < rows; r++)
                {
                    var src = a + (long)(i0 + strip + r) * lda + p0;
                    for (var p = 0; p < kc; p++) dst[(long)p * mr + r] = src[p];
                }
            }
            else
            {
                // op(A) = Aᵀ: column p of the strip is a contiguous piece of row p0+p of A.
                for (var p = 0; p < kc; p++)
                    new ReadOnlySpan<float>(a + (long)(p0 + p) * lda + i0 + strip, rows).CopyTo(new Span<float>(dst + (long)p * mr, rows));
            }
            if (rows < mr)
                for (var p = 0; p < kc; p++)
                    new Span<float>(dst + (long)p * mr + rows, mr - rows).Clear();
        }
    }

    /// <summary>
    /// Copies the block op(B)[p0 : p0+kc, j0 : j0+nc] into strips of <paramref name="nr"/> columns; inside a strip
    /// the values are stored row after row (nr values per k), columns past the end padded with zeros.
    /// </summary>
    internal static void PackB(MatrixOp opB, float* b, int ldb, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        for (var strip = 0; strip < nc; strip += nr, dst += (long)kc * nr)
        {
            var columns = Math.Min(nr, nc - strip);
            if (opB == MatrixOp.None)
            {
                for (var p = 0; p < kc; p++)
                    new ReadOnlySpan<float>(b + (long)(p0 + p) * ldb + j0 + strip, columns).CopyTo(new Span<float>(dst + (long)p * nr, columns));
            }
            else
            {
                // op(B) = Bᵀ: column j of the strip is a contiguous piece of row j0+strip+j of B.
                for (var j = 0; j < columns; j++)
                {
                    var src = b + (long)(j0 + strip + j) * ldb + p0;
                    for (var p = 0; p < kc; p++) dst[(long)p * nr + j] = src[p];
                }
            }
            if (columns < nr)
                for (var p = 0; p < kc; p++)
                    new Span<float>(dst + (long)p * nr + columns, nr - columns).Clear();
        }
    }

    /// <summary><paramref name="count"/> rounded up to whole strips of <paramref name="strip"/>.</summary>
    internal static int RoundUp(int count, int strip) => (count + strip - 1) / strip * strip;
}
