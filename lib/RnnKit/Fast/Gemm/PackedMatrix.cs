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
        fixed (float* pb = b)
        fixed (float* dst = data)
            for (var pc = 0; pc < k; pc += Blocking.Depth)
                Sgemm.PackB(opB, pb, ldb, pc, Math.Min(Blocking.Depth, k - pc), 0, n, kernel.Columns, dst + (long)pc * padded);
        return new PackedMatrix(k, n, kind, data);
    }

    /// <summary>Packs again into the same storage (the weights changed after an optimizer step).</summary>
    public void Repack(MatrixOp opB, ReadOnlySpan<float> b, int ldb)
    {
        Sgemm.RequireOperand("B", opB, Rows, Columns, b.Length, ldb);
        var kernel = MicroKernel.For(Kernel);
        var padded = PaddedColumns(kernel.Columns);
        fixed (float* pb = b)
        fixed (float* dst = _data)
            for (var pc = 0; pc < Rows; pc += Blocking.Depth)
                Sgemm.PackB(opB, pb, ldb, pc, Math.Min(Blocking.Depth, Rows - pc), 0, Columns, kernel.Columns, dst + (long)pc * padded);
    }

    /// <summary>Start of the packed block of depth rows [pc, pc+kc) (pinned storage, so the pointer is stable).</summary>
    internal float* Block(int pc, int nr)
    {
        fixed (float* p = _data)
            return p + (long)pc * PaddedColumns(nr);
    }
}
