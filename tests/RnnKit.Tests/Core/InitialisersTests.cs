using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Core;

public class InitialisersTests
{
    [Fact]
    public void Identity_is_the_scaled_identity()
    {
        var w = Initialisers.Identity(4, 0.5);
        Assert.Equal(Matrix<double>.Build.DenseIdentity(4) * 0.5, w);
    }

    [Theory]
    [InlineData(6, 6)]
    [InlineData(7, 3)]
    [InlineData(3, 7)]
    public void Orthogonal_has_every_singular_value_equal_to_the_gain(int rows, int columns)
    {
        var q = Initialisers.Orthogonal(rows, columns, new Random(3), gain: 1.5);
        Assert.Equal((rows, columns), (q.RowCount, q.ColumnCount));
        var gram = rows >= columns ? q.TransposeThisAndMultiply(q) : q.TransposeAndMultiply(q);
        var expected = Matrix<double>.Build.DenseIdentity(Math.Min(rows, columns)) * 2.25;
        Assert.True((gram - expected).FrobeniusNorm() < 1e-12, $"QᵀQ differs from 2.25·I by {(gram - expected).FrobeniusNorm()}");
    }

    [Fact]
    public void Orthogonal_draws_differ_by_seed_and_repeat_with_it()
    {
        Assert.Equal(Initialisers.Orthogonal(5, 5, new Random(1)), Initialisers.Orthogonal(5, 5, new Random(1)));
        Assert.NotEqual(Initialisers.Orthogonal(5, 5, new Random(1)), Initialisers.Orthogonal(5, 5, new Random(2)));
    }

    [Fact]
    public void Spectral_radius_is_the_largest_eigenvalue_modulus_even_when_complex()
    {
        // a rotation by 90° scaled by 2 has eigenvalues ±2i
        var w = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -2 }, { 2, 0 } });
        Assert.Equal(2.0, Initialisers.SpectralRadius(w), 1e-12);
        Assert.Equal(0.7, Initialisers.SpectralRadius(Initialisers.ScaledToSpectralRadius(w, 0.7)), 1e-12);
    }

    [Fact]
    public void Echo_state_reservoir_has_the_chosen_radius_and_roughly_the_chosen_density()
    {
        var w = Initialisers.EchoState(100, 0.95, new Random(5), density: 0.1);
        Assert.Equal(0.95, Initialisers.SpectralRadius(w), 1e-9);
        var nonzero = w.Enumerate().Count(v => v != 0) / 10000.0;
        Assert.InRange(nonzero, 0.08, 0.12);
    }

    [Fact]
    public void Set_copies_into_a_parameter_and_refuses_a_wrong_shape_naming_both()
    {
        var cell = new RnnCell(2, 3);
        Initialisers.Set(cell.Waa, Initialisers.Identity(3));
        Assert.Equal(Matrix<double>.Build.DenseIdentity(3), cell.Waa.Value);
        var e = Assert.ThrowsAny<ArgumentException>(() => Initialisers.Set(cell.Waa, Initialisers.Identity(4)));
        Assert.Contains("(4, 4)", e.Message);
        Assert.Contains("(3, 3)", e.Message);
        Assert.Throws<ArgumentException>(() => Initialisers.SpectralRadius(Matrix<double>.Build.Dense(2, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Initialisers.EchoState(4, 0.9, new Random(1), density: 0));
    }
}
