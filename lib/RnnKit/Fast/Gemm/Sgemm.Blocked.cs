namespace RnnKit.Fast;

public static unsafe partial class Sgemm
{
    [ThreadStatic] private static float[]? t_packedA;
    [ThreadStatic] private static float[]? t_packedB;

    /// <summary>
    /// The single-threaded blocked product (five loops around the micro-kernel). With <paramref name="bias"/> (n
    /// values), each row block of C is set to the bias just before the first depth block adds to it.
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static void Blocked(MicroKernel kernel, MatrixOp opA, MatrixOp opB, int m, int n, int k, float* a, int lda,
        float* b, int ldb, PackedMatrix? packed, float* c, int ldc, bool accumulate, float* bias = null)
    {
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (bias is not null) FillRows(c, ldc, m, 0, n, bias);
            else if (!accumulate)
                for (var i = 0; i < m; i++) new Span<float>(c + (long)i * ldc, n).Clear();
            return;
        }
        int mr = kernel.Rows, nr = kernel.Columns;
        var blockRows = mr * Blocking.RowStripsPerBlock;
        var blockColumns = packed is null ? Blocking.Columns : n;
        var packedA = Buffer(ref t_packedA, blockRows * Blocking.Depth);
        var packedB = packed is null ? Buffer(ref t_packedB, Blocking.Columns * Blocking.Depth) : null;
        var tile = stackalloc float[MicroKernels.Avx512Rows * MicroKernels.Avx512Columns];

        fixed (float* ap = packedA)
        fixed (float* bpOwn = packedB)
            for (var jc = 0; jc < n; jc += blockColumns)
            {
                var nc = Math.Min(blockColumns, n - jc);
                for (var pc = 0; pc < k; pc += Blocking.Depth)
                {
                    var kc = Math.Min(Blocking.Depth, k - pc);
                    var bp = packed is not null ? packed.Block(pc, nr) : bpOwn;
                    if (packed is null) PackB(opB, b, ldb, pc, kc, jc, nc, nr, bp);
                    var add = accumulate || pc > 0;
                    // Packing A pays when many strips of B sweep it; for narrow products it is read in place.
                    var packA = nc > Blocking.ReadAInPlaceUpToColumns;
                    for (var ic = 0; ic < m; ic += blockRows)
                    {
                        var mc = Math.Min(blockRows, m - ic);
                        if (packA) PackA(opA, a, lda, ic, mc, pc, kc, mr, ap);
                        if (bias is not null && pc == 0) FillRows(c + (long)ic * ldc, ldc, mc, jc, nc, bias);
                        for (var jr = 0; jr < nc; jr += nr)
                        {
                            var columns = Math.Min(nr, nc - jr);
                            var bStrip = bp + (long)jr * kc;
                            for (var ir = 0; ir < mc; ir += mr)
                            {
                                var rows = Math.Min(mr, mc - ir);
                                float* aStrip;
                                nint rowStride = 1, stepStride = mr;
                                if (packA)
                                    aStrip = ap + (long)ir * kc;
                                else if (rows < mr)
                                {
                                    // The last strip would read past the end of A: pack it, zero padded.
                                    aStrip = ap;
                                    if (jr == 0) PackA(opA, a, lda, ic + ir, rows, pc, kc, mr, ap);
                                }
                                else
                                {
                                    var i = ic + ir;
                                    aStrip = opA == MatrixOp.None ? a + (long)i * lda + pc : a + (long)pc * lda + i;
                                    (rowStride, stepStride) = opA == MatrixOp.None ? (lda, 1) : (1, lda);
                                }
                                var cTile = c + (long)(ic + ir) * ldc + jc + jr;
                                if (rows == mr && columns == nr)
                                    kernel.Run(kc, aStrip, rowStride, stepStride, bStrip, cTile, ldc, add);
                                else
                                {
                                    kernel.Run(kc, aStrip, rowStride, stepStride, bStrip, tile, nr, false);
                                    for (var r = 0; r < rows; r++)
                                        for (var j = 0; j < columns; j++)
                                            cTile[(long)r * ldc + j] = (add ? cTile[(long)r * ldc + j] : 0f) + tile[r * nr + j];
                                }
                            }
                        }
                    }
                }
            }
    }

    /// <summary>Writes columns [first, first + count) of <paramref name="bias"/> into those columns of C's first <paramref name="rows"/> rows.</summary>
    private static void FillRows(float* c, int ldc, int rows, int first, int count, float* bias)
    {
        var source = new ReadOnlySpan<float>(bias + first, count);
        for (var r = 0; r < rows; r++)
            source.CopyTo(new Span<float>(c + (long)r * ldc + first, count));
    }

    private static float[] Buffer(ref float[]? cached, int length)
    {
        if (cached is null || cached.Length < length)
            cached = GC.AllocateUninitializedArray<float>(length, pinned: true);
        return cached;
    }
}
