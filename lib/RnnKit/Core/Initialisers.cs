using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// Starting weights for the recurrent matrix Waa (hiddenSize, hiddenSize) other than PyTorch's uniform default
/// (<see cref="CellInit"/>): the identity of the IRNN (Le, Jaitly &amp; Hinton 2015), a random orthogonal matrix
/// (Saxe, McClelland &amp; Ganguli 2014), and an echo-state reservoir scaled to a chosen spectral radius
/// (Jaeger 2001; Sutskever, Martens, Dahl &amp; Hinton 2013).
/// </summary>
public static class Initialisers
{
    /// <summary><paramref name="scale"/>·I (size, size): the IRNN's Waa, which copies the state forward unchanged.</summary>
    public static Matrix<double> Identity(int size, double scale = 1.0)
    {
        CellInit.RequirePositive(size, nameof(size));
        return Matrix<double>.Build.DenseIdentity(size) * scale;
    }

    /// <summary>
    /// A random (rows, columns) matrix with orthonormal columns (rows ≥ columns) or rows (rows &lt; columns), times
    /// <paramref name="gain"/>: the Q of a QR factorisation of a Gaussian matrix, with the signs of R's diagonal moved
    /// into Q so that Q is uniformly distributed (Haar). Every singular value is <paramref name="gain"/>.
    /// </summary>
    public static Matrix<double> Orthogonal(int rows, int columns, Random random, double gain = 1.0)
    {
        CellInit.RequirePositive(rows, nameof(rows));
        CellInit.RequirePositive(columns, nameof(columns));
        ArgumentNullException.ThrowIfNull(random);
        var tall = rows >= columns;
        var (m, n) = tall ? (rows, columns) : (columns, rows);
        var gaussian = Matrix<double>.Build.Dense(m, n, (_, _) => Normal.Sample(random, 0, 1));
        var qr = gaussian.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q.Clone();
        for (var j = 0; j < n; j++)
            if (qr.R[j, j] < 0)
                q.SetColumn(j, -q.Column(j));
        q.Multiply(gain, q);
        return tall ? q : q.Transpose();
    }

    /// <summary>ρ(W) = max |λᵢ|, the largest modulus of the eigenvalues of a square matrix.</summary>
    public static double SpectralRadius(Matrix<double> w)
    {
        RequireSquare(w, nameof(w));
        return w.Evd().EigenValues.Select(e => e.Magnitude).Max();
    }

    /// <summary>W·(radius / ρ(W)): the same matrix with spectral radius <paramref name="radius"/>.</summary>
    public static Matrix<double> ScaledToSpectralRadius(Matrix<double> w, double radius)
    {
        HyperParameter.Positive(radius, nameof(radius));
        var rho = SpectralRadius(w);
        if (rho == 0)
            throw new ArgumentException("the matrix has spectral radius 0 (nilpotent or zero), so no scaling reaches a positive radius", nameof(w));
        return w * (radius / rho);
    }

    /// <summary>
    /// An echo-state reservoir (size, size): each weight is nonzero with probability <paramref name="density"/>,
    /// drawn from U(−1, 1), then the matrix is scaled to spectral radius <paramref name="radius"/>.
    /// </summary>
    public static Matrix<double> EchoState(int size, double radius, Random random, double density = 1.0)
    {
        CellInit.RequirePositive(size, nameof(size));
        ArgumentNullException.ThrowIfNull(random);
        if (density is not (> 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(density), density, $"density must be in (0, 1] but is {density}");
        var w = Matrix<double>.Build.Dense(size, size, (_, _) =>
        {
            var keep = random.NextDouble() < density;
            var value = 2 * random.NextDouble() - 1;
            return keep ? value : 0;
        });
        return ScaledToSpectralRadius(w, radius);
    }

    /// <summary>Copies <paramref name="value"/> into the parameter (shapes must agree), e.g. <c>Set(cell.Waa, Identity(n))</c>.</summary>
    public static void Set(Parameter parameter, Matrix<double> value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        Shape.Require(value, parameter.Rows, parameter.Columns, $"new value of {parameter.Name}");
        value.CopyTo(parameter.Value);
    }

    private static void RequireSquare(Matrix<double> w, string what)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.RowCount != w.ColumnCount)
            throw new ArgumentException($"{what} must be square but has shape {Shape.Of(w)}", what);
    }
}
