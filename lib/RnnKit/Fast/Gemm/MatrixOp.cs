namespace RnnKit.Fast;

/// <summary>How an operand of <see cref="Sgemm"/> is read: as stored, or transposed (BLAS's 'N' and 'T').</summary>
public enum MatrixOp
{
    /// <summary>Use the matrix as stored (row-major).</summary>
    None,

    /// <summary>Use its transpose.</summary>
    Transpose,
}
