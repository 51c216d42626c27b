using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RnnKit.Fast;

/// <summary>One register-tiled kernel: it computes a <see cref="Rows"/> × <see cref="Columns"/> tile of C.</summary>
internal readonly unsafe struct MicroKernel
{
    private MicroKernel(MicroKernelKind kind, int rows, int columns, delegate*<int, float*, nint, nint, float*, float*, int, bool, void> run)
    {
        Kind = kind;
        Rows = rows;
        Columns = columns;
        Run = run;
    }

    public MicroKernelKind Kind { get; }

    /// <summary>MR: rows of A packed together, rows of the C tile.</summary>
    public int Rows { get; }

    /// <summary>NR: columns of B packed together, columns of the C tile.</summary>
    public int Columns { get; }

    /// <summary>(kc, A strip, A row stride, A step stride, packed B strip, C tile, ldc, accumulate).</summary>
    public delegate*<int, float*, nint, nint, float*, float*, int, bool, void> Run { get; }

    /// <summary>The widest kernel this processor runs.</summary>
    public static MicroKernelKind Best { get; } =
        Avx512F.IsSupported ? MicroKernelKind.Avx512
        : Avx2.IsSupported && Fma.IsSupported ? MicroKernelKind.Avx2
        : Vector128.IsHardwareAccelerated ? MicroKernelKind.Vector128
        : MicroKernelKind.Scalar;

    public static bool IsSupported(MicroKernelKind kind) => kind switch
    {
        MicroKernelKind.Avx512 => Avx512F.IsSupported,
        MicroKernelKind.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        MicroKernelKind.Vector128 => true,
        MicroKernelKind.Scalar => true,
        _ => false,
    };

    public static MicroKernel For(MicroKernelKind kind)
    {
        if (!IsSupported(kind))
            throw new PlatformNotSupportedException($"the {kind} SGEMM kernel needs instructions this processor lacks");
        return kind switch
        {
            MicroKernelKind.Avx512 => new(kind, MicroKernels.Avx512Rows, MicroKernels.Avx512Columns, &MicroKernels.Avx512),
            MicroKernelKind.Avx2 => new(kind, MicroKernels.Avx2Rows, MicroKernels.Avx2Columns, &MicroKernels.Avx2),
            MicroKernelKind.Vector128 => new(kind, MicroKernels.PortableRows, MicroKernels.PortableColumns, &MicroKernels.Vector128Kernel),
            _ => new(kind, MicroKernels.PortableRows, MicroKernels.PortableColumns, &MicroKernels.Scalar),
        };
    }
}
