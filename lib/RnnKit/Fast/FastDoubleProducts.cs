using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace RnnKit.Fast;

/// <summary>
/// Speeds up the scratch layer without changing a line of it: every double-precision matrix product MathNet
/// computes (<c>A * B</c>, <c>TransposeThisAndMultiply</c>, <c>TransposeAndMultiply</c>, matrix × vector) goes to
/// <see cref="Dgemm"/> instead of MathNet's managed product, while every other operation still goes to the
/// provider that was there before. The results agree with MathNet's to rounding (the sums run in another order).
/// </summary>
/// <remarks>
/// MathNet's provider is process-wide, so this affects every double product in the process until
/// <see cref="Uninstall"/>. On a processor without AVX2 and FMA, or in an unoptimized build of the library,
/// <see cref="Install()"/> does nothing and returns false.
/// </remarks>
public static class FastDoubleProducts
{
    private static readonly Lock Gate = new();
    private static ILinearAlgebraProvider? _previous;

    /// <summary>True while the fast products are in use.</summary>
    public static bool IsInstalled => LinearAlgebraControl.Provider is ProductsProxy;

    /// <summary>
    /// True when this library was compiled with optimizations. Without them the JIT turns every SIMD intrinsic into a
    /// call, which makes <see cref="Dgemm"/> slower than MathNet's own (always optimized) product.
    /// </summary>
    public static bool LibraryIsOptimized { get; } =
        typeof(Dgemm).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    /// <summary>
    /// Routes MathNet's double products to <see cref="Dgemm"/>; true when installed (now or before). Does nothing and
    /// returns false without AVX2 and FMA, or in a build of the library compiled without optimizations, where it would be slower.
    /// </summary>
    public static bool Install() => Install(evenIfUnoptimized: false);

    /// <summary>As <see cref="Install()"/>; tests pass true to check the routing on any build.</summary>
    internal static bool Install(bool evenIfUnoptimized)
    {
        lock (Gate)
        {
            if (IsInstalled) return true;
            if (!Dgemm.IsSupported || !(LibraryIsOptimized || evenIfUnoptimized)) return false;
            var previous = LinearAlgebraControl.Provider;
            var proxy = DispatchProxy.Create<ILinearAlgebraProvider, ProductsProxy>();
            ((ProductsProxy)(object)proxy).Inner = previous;
            LinearAlgebraControl.Provider = proxy;
            _previous = previous;
            return true;
        }
    }

    /// <summary>Puts back the provider that was in use before <see cref="Install()"/>.</summary>
    public static void Uninstall()
    {
        lock (Gate)
        {
            if (!IsInstalled || _previous is null) return;
            LinearAlgebraControl.Provider = _previous;
            _previous = null;
        }
    }
}

/// <summary>
/// The provider <see cref="FastDoubleProducts"/> installs: the two double products go to <see cref="Dgemm"/>,
/// every other member is forwarded to <see cref="Inner"/>.
/// </summary>
public class ProductsProxy : DispatchProxy
{
    private const string MultiplyWithUpdate = nameof(ILinearAlgebraProvider<double>.MatrixMultiplyWithUpdate);
    private const string Multiply = nameof(ILinearAlgebraProvider<double>.MatrixMultiply);

    /// <summary>The provider every other call goes to.</summary>
    internal ILinearAlgebraProvider Inner { get; set; } = null!;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (args is not null && targetMethod.DeclaringType == typeof(ILinearAlgebraProvider<double>))
        {
            if (targetMethod.Name == MultiplyWithUpdate && args.Length == 11 && TryMultiplyWithUpdate(args))
                return null;
            if (targetMethod.Name == Multiply && args.Length == 7 && TryMultiply(args))
                return null;
        }
        try
        {
            return targetMethod.Invoke(Inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    /// <summary>(transA, transB, α, a, rowsA, columnsA, b, rowsB, columnsB, β, c), rows and columns as stored.</summary>
    private static bool TryMultiplyWithUpdate(object?[] args)
    {
        if (args[0] is not Transpose opA || args[1] is not Transpose opB || opA == Transpose.ConjugateTranspose
            || opB == Transpose.ConjugateTranspose || args[3] is not double[] a || args[6] is not double[] b
            || args[10] is not double[] c || ReferenceEquals(c, a) || ReferenceEquals(c, b))
            return false;
        var (alpha, beta) = ((double)args[2]!, (double)args[9]!);
        var (rowsA, columnsA, rowsB, columnsB) = ((int)args[4]!, (int)args[5]!, (int)args[7]!, (int)args[8]!);
        var transposeA = opA == Transpose.Transpose;
        var transposeB = opB == Transpose.Transpose;
        var (m, k) = transposeA ? (columnsA, rowsA) : (rowsA, columnsA);
        var (kB, n) = transposeB ? (columnsB, rowsB) : (rowsB, columnsB);
        if (k != kB) return false; // let MathNet report the mismatch in its own words
        Dgemm.Multiply(transposeA, transposeB, m, n, k, alpha, a.AsSpan(0, rowsA * columnsA), b.AsSpan(0, rowsB * columnsB), beta, c);
        return true;
    }

    /// <summary>(x, rowsX, columnsX, y, rowsY, columnsY, result): result = x·y.</summary>
    private static bool TryMultiply(object?[] args)
    {
        if (args[0] is not double[] x || args[3] is not double[] y || args[6] is not double[] result
            || ReferenceEquals(result, x) || ReferenceEquals(result, y))
            return false;
        var (rowsX, columnsX, rowsY, columnsY) = ((int)args[1]!, (int)args[2]!, (int)args[4]!, (int)args[5]!);
        if (columnsX != rowsY) return false;
        Dgemm.Multiply(false, false, rowsX, columnsY, columnsX, 1, x.AsSpan(0, rowsX * columnsX), y.AsSpan(0, rowsY * columnsY), 0, result);
        return true;
    }
}
