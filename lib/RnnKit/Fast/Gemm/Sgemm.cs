namespace RnnKit.Fast;

/// <summary>
/// Single-precision matrix product C = op(A) · op(B) (+ C), row-major, cache-blocked, packed and register-tiled,
/// with SIMD micro-kernels (<see cref="MicroKernelKind"/>) and the pass's threads for products big enough to pay for it.
/// </summary>
/// <remarks>
/// Shapes: op(A) is (m, k), op(B) is (k, n), C is (m, n). Each operand is a row-major span with a leading
/// dimension (the stride between rows as stored), so a sub-block of a bigger matrix can be used in place.
/// </remarks>
public static unsafe partial class Sgemm
{
    /// <summary>The kernel used by default: the widest one this processor supports.</summary>
    public static MicroKernelKind Kernel => MicroKernel.Best;

    /// <summary>
    /// C (m×n) = op(A) (m×k) · op(B) (k×n), or C += … when <paramref name="accumulate"/>.
    /// </summary>
    /// <param name="opA">Whether A is used as stored or transposed.</param>
    /// <param name="opB">Whether B is used as stored or transposed.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B): the length of each dot product.</param>
    /// <param name="a">A as stored: (m, k) for <see cref="MatrixOp.None"/>, (k, m) for <see cref="MatrixOp.Transpose"/>.</param>
    /// <param name="lda">Stride between stored rows of A.</param>
    /// <param name="b">B as stored: (k, n), or (n, k) when transposed.</param>
    /// <param name="ldb">Stride between stored rows of B.</param>
    /// <param name="c">C (m, n) with row stride <paramref name="ldc"/>.</param>
    /// <param name="ldc">Stride between rows of C.</param>
    /// <param name="accumulate">Add the product to C instead of overwriting it.</param>
    public static void Multiply(MatrixOp opA, MatrixOp opB, int m, int n, int k, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate = false) =>
        Multiply(MicroKernel.Best, opA, opB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, parallel: true);

    /// <summary>C (m×n) (+)= op(A) (m×k) · B, with B packed in advance by <see cref="PackedMatrix.Pack(MatrixOp, int, int, ReadOnlySpan{float}, int)"/>.</summary>
    public static void Multiply(MatrixOp opA, int m, ReadOnlySpan<float> a, int lda, PackedMatrix b, Span<float> c, int ldc,
        bool accumulate = false) => Multiply(opA, m, a, lda, b, c, ldc, accumulate, parallel: true);

    /// <summary>As <see cref="Multiply(MatrixOp, int, ReadOnlySpan{float}, int, PackedMatrix, Span{float}, int, bool)"/>;
    /// <paramref name="parallel"/> false keeps it on the calling thread (callers that already split the work).</summary>
    public static void Multiply(MatrixOp opA, int m, ReadOnlySpan<float> a, int lda, PackedMatrix b, Span<float> c, int ldc,
        bool accumulate, bool parallel)
    {
        ArgumentNullException.ThrowIfNull(b);
        int n = b.Columns, k = b.Rows;
        RequireOperand("A", opA, m, k, a.Length, lda);
        RequireOperand("C", MatrixOp.None, m, n, c.Length, ldc);
        var kernel = MicroKernel.For(b.Kernel);
        fixed (float* pa = a)
        fixed (float* pc = c)
            Split(kernel, opA, MatrixOp.None, m, n, k, pa, lda, null, 0, b, pc, ldc, accumulate, parallel);
    }

    /// <summary>
    /// C (m×n) = op(A) (m×k) · op(B) (k×n) + 1·biasᵀ: the row <paramref name="bias"/> (n) added to every row of the
    /// product, as a layer computes x·Wᵀ + b at all its positions. The bias is written into each block of C just
    /// before the block's product adds to it, by the thread that owns the block, so C is not swept twice (for an
    /// LSTM-256's input projection at batch 64 that is 16 MB written and read back).
    /// </summary>
    public static void MultiplyAddBias(MatrixOp opA, MatrixOp opB, int m, int n, int k, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, ReadOnlySpan<float> bias, Span<float> c, int ldc)
    {
        RequireOperand("B", opB, k, n, b.Length, ldb);
        RequireBiasProduct(opA, m, n, k, a.Length, lda, bias.Length, c.Length, ldc);
        var kernel = MicroKernel.For(MicroKernel.Best);
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pbias = bias)
        fixed (float* pc = c)
            Split(kernel, opA, opB, m, n, k, pa, lda, pb, ldb, null, pc, ldc, accumulate: true, parallel: true, pbias);
    }

    /// <summary>
    /// C (m×n) = op(A) · B + 1·biasᵀ with B packed in advance, on the calling thread: one time step's input projection
    /// inside a recurrence that already split the batch.
    /// </summary>
    internal static void MultiplyAddBias(MatrixOp opA, int m, ReadOnlySpan<float> a, int lda, PackedMatrix b, ReadOnlySpan<float> bias,
        Span<float> c, int ldc)
    {
        int n = b.Columns, k = b.Rows;
        RequireBiasProduct(opA, m, n, k, a.Length, lda, bias.Length, c.Length, ldc);
        var kernel = MicroKernel.For(b.Kernel);
        fixed (float* pa = a)
        fixed (float* pbias = bias)
        fixed (float* pc = c)
            Split(kernel, opA, MatrixOp.None, m, n, k, pa, lda, null, 0, b, pc, ldc, accumulate: true, parallel: false, pbias);
    }

    /// <summary>Throws unless A, C and a bias of <paramref name="biasLength"/> values fit a (m×k)·(k×n) product plus a bias row.</summary>
    private static void RequireBiasProduct(MatrixOp opA, int m, int n, int k, int aLength, int lda, int biasLength, int cLength, int ldc)
    {
        RequireOperand("A", opA, m, k, aLength, lda);
        RequireOperand("C", MatrixOp.None, m, n, cLength, ldc);
        if (biasLength != n)
            throw new ShapeMismatchException($"bias must have the {n} columns of C, got {biasLength} values");
    }

    internal static void Multiply(MicroKernelKind kind, MatrixOp opA, MatrixOp opB, int m, int n, int k, ReadOnlySpan<float> a,
        int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate, bool parallel)
    {
        RequireOperand("A", opA, m, k, a.Length, lda);
        RequireOperand("B", opB, k, n, b.Length, ldb);
        RequireOperand("C", MatrixOp.None, m, n, c.Length, ldc);
        var kernel = MicroKernel.For(kind);
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
            Split(kernel, opA, opB, m, n, k, pa, lda, pb, ldb, null, pc, ldc, accumulate, parallel);
    }

    /// <summary>Throws unless a span of <paramref name="length"/> floats holds op(X) of shape (rows, columns).</summary>
    internal static void RequireOperand(string name, MatrixOp op, int rows, int columns, int length, int ld)
    {
        if (rows < 0 || columns < 0)
            throw new ArgumentOutOfRangeException(name, $"{name}: op({name}) shape ({rows}, {columns}) has a negative size");
        var (storedRows, storedColumns) = op == MatrixOp.None ? (rows, columns) : (columns, rows);
        if (ld < Math.Max(1, storedColumns))
            throw new ShapeMismatchException($"{name}: leading dimension {ld} is smaller than its {storedColumns} stored columns (op({name}) is ({rows}, {columns}), op {op})");
        var needed = storedRows == 0 ? 0 : (long)(storedRows - 1) * ld + storedColumns;
        if (length < needed)
            throw new ShapeMismatchException($"{name}: op({name}) must be ({rows}, {columns}) (stored ({storedRows}, {storedColumns}), leading dimension {ld}), which needs {needed} floats, but the span has {length}");
    }

    /// <summary>Splits the product over the cores along its longer side when it is big enough; else runs it here.</summary>
    /// <remarks>With <paramref name="bias"/>, each part writes the bias into its block of C just before the block's product.</remarks>
    private static void Split(MicroKernel kernel, MatrixOp opA, MatrixOp opB, int m, int n, int k, float* a, int lda,
        float* b, int ldb, PackedMatrix? packed, float* c, int ldc, bool accumulate, bool parallel, float* bias = null)
    {
        var parts = Parallelism.Degree;
        var work = (long)m * n * k;
        var splitRows = packed is not null || m >= n;
        var strip = splitRows ? kernel.Rows : kernel.Columns;
        var side = splitRows ? m : n;
        if (!parallel || parts < 2 || work < Blocking.ParallelThreshold || side < 2 * strip)
        {
            Blocked(kernel, opA, opB, m, n, k, a, lda, b, ldb, packed, c, ldc, accumulate, bias);
            return;
        }
        var chunk = RoundUp((side + parts - 1) / parts, strip);
        nint na = (nint)a, nb = (nint)b, nc = (nint)c, nbias = (nint)bias;
        WorkerTeam.Shared.Run(parts, part =>
        {
            var start = part * chunk;
            var size = Math.Min(chunk, side - start);
            if (size <= 0) return;
            float* pa = (float*)na, pb = (float*)nb, pc = (float*)nc, pbias = (float*)nbias;
            if (splitRows)
            {
                var aPart = opA == MatrixOp.None ? pa + (long)start * lda : pa + start;
                Blocked(kernel, opA, opB, size, n, k, aPart, lda, pb, ldb, packed, pc + (long)start * ldc, ldc, accumulate, pbias);
            }
            else
            {
                var bPart = opB == MatrixOp.None ? pb + start : pb + (long)start * ldb;
                Blocked(kernel, opA, opB, m, size, k, pa, lda, bPart, ldb, null, pc + start, ldc, accumulate, pbias is null ? null : pbias + start);
            }
        });
    }
}
