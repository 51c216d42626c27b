namespace RnnKit.Fast;

/// <summary>
/// op(B) packed once for <see cref="Sgemm.Multiply(MatrixOp, int, ReadOnlySpan{float}, int, PackedMatrix, Span{float}, int, bool)"/>:
/// the recurrent weights are multiplied at every one of T time steps, so they are packed once per sequence
/// instead of once per product.
/// </summary>
/// <remarks>Layout: for each depth block of <see cref="Blocking.Depth"/> rows, the strips of NR columns over all
/// <see cref="Columns"/>, each strip kc rows of NR values, zero padded.</remarks>
public sealed unsafe class PackedMatrix
{
    private readonly float[] _data;

    private PackedMatrix(int rows, int columns, MicroKernelKind kernel, float[] data)
    {
        Rows = rows;
        Columns = columns;
        Kernel = kernel;
        _data = data;
    }

    /// <summary>k: rows of op(B).</summary>
    public int Rows { get; }

    /// <summary>n: columns of op(B).</summary>
    public int Columns { get; }

    /// <summary>The kernel whose strip width the packing uses; products with it must use the same kernel.</summary>
    public MicroKernelKind Kernel { get; }

    internal int PaddedColumns(int nr) => Sgemm.RoundUp(Columns, nr);

    /// <summary>Packs op(B) of shape (k, n), B stored row-major with leading dimension <paramref name="ldb"/>.</summary>
    public static PackedMatrix Pack(MatrixOp opB, int k, int n, ReadOnlySpan<float> b, int ldb) =>
        Pack(opB, k, n, b, ldb, MicroKernel.Best);

    internal static PackedMatrix Pack(MatrixOp opB, int k, int n, ReadOnlySpan<float> b, int ldb, MicroKernelKind kind)
    {
        Sgemm.RequireOperand("B", opB, k, n, b.Length, ldb);
        var kernel = MicroKernel.For(kind);
        var padded = Sgemm.RoundUp(n, kernel.Columns);
        var data = GC.AllocateUninitializedArray<float>(Math.Max(1, k * padded), pinned: true);
        var packed = new PackedMatrix(k, n, kind, data);
        packed.Fill(opB, b, ldb, kernel.Columns);
        return packed;
    }

    /// <summary>Packs again into the same storage (the weights changed after an optimizer step).</summary>
    public void Repack(MatrixOp opB, ReadOnlySpan<float> b, int ldb)
    {
        Sgemm.RequireOperand("B", opB, Rows, Columns, b.Length, ldb);
        Fill(opB, b, ldb, MicroKernel.For(Kernel).Columns);
    }

    /// <summary>Strips each thread must pack before a second thread pays (8 strips of 32 columns × 256 rows = 256 KiB).</summary>
    private const int MinStripsPerThread = 8;

    /// <summary>Packs op(B) into this storage, the threads of the pass taking a range of strips each.</summary>
    private void Fill(MatrixOp opB, ReadOnlySpan<float> b, int ldb, int nr)
    {
        int rows = Rows, columns = Columns, padded = PaddedColumns(nr);
        fixed (float* pb = b)
        fixed (float* pd = _data)
        {
            nint source = (nint)pb, target = (nint)pd;
            Parts.For(padded / nr, MinStripsPerThread, align: 1, (first, count) =>
            {
                int j0 = first * nr, nc = Math.Min(count * nr, columns - j0);
                for (var pc = 0; pc < rows; pc += Blocking.Depth)
                {
                    var kc = Math.Min(Blocking.Depth, rows - pc);
                    Sgemm.PackB(opB, (float*)source, ldb, pc, kc, j0, nc, nr, (float*)target + (long)pc * padded + (long)j0 * kc);
                }
            });
        }
    }

    /// <summary>Start of the packed block of depth rows [pc, pc+kc) (pinned storage, so the pointer is stable).</summary>
    internal float* Block(int pc, int nr)
    {
        fixed (float* p = _data)
            return p + (long)pc * PaddedColumns(nr);
    }
}
