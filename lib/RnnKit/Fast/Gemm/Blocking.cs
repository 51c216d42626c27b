namespace RnnKit.Fast;

/// <summary>
/// Cache blocking of <see cref="Sgemm"/> (the Goto/BLIS scheme): a KC × NR strip of packed B stays in L1 while
/// the kernel sweeps it, an MC × KC block of packed A stays in L2, a KC × NC block of packed B in L2/L3.
/// </summary>
internal static class Blocking
{
    /// <summary>KC: depth of one packed panel; 256 floats × NR=32 = 32 KiB of B strip, within a 48 KiB L1.</summary>
    public const int Depth = 256;

    /// <summary>MC in strips of MR: 16 strips of 8 rows × KC = 128 KiB of packed A, well inside L2.</summary>
    public const int RowStripsPerBlock = 16;

    /// <summary>NC: columns of B packed at once; 512 × KC = 512 KiB, half of a 1 MiB L2.</summary>
    public const int Columns = 512;

    /// <summary>
    /// Up to this many columns of C per block, A is read in place by the kernel instead of packed: each value of A
    /// then feeds too few multiply-adds for its copy to pay (products with 128 or 65 columns).
    /// </summary>
    public const int ReadAInPlaceUpToColumns = 256;

    /// <summary>Below this many multiply-adds (m·n·k) a product stays on one thread: waking a second costs more.</summary>
    public const long ParallelThreshold = 1L << 20;
}
