namespace RnnKit.Fast;

/// <summary>
/// The register-tiled inner kernels of <see cref="Sgemm"/>, from widest to the portable fallback. The best one
/// the processor supports is chosen once; tests force each one to prove they all agree with a naive product.
/// </summary>
public enum MicroKernelKind
{
    /// <summary>AVX-512 (Vector512 + FMA): tiles of 8 rows × 32 columns, 16 accumulators of 32 registers.</summary>
    Avx512,

    /// <summary>AVX2 + FMA (Vector256): tiles of 6 rows × 16 columns, 12 accumulators of 16 registers.</summary>
    Avx2,

    /// <summary>Vector128 (SSE or NEON): tiles of 6 rows × 16 columns, four vectors per row.</summary>
    Vector128,

    /// <summary>Plain scalar code, same tile as <see cref="Vector128"/>; runs everywhere.</summary>
    Scalar,
}
