using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// Ridge regression (岭回归) in closed form, the only training an echo-state network needs:
/// W = Y Xᵀ (X Xᵀ + λI)⁻¹, the W that minimises ‖W X − Y‖² + λ‖W‖².
/// </summary>
public static class RidgeRegression
{
    /// <summary>Solves for the readout.</summary>
    /// <param name="features">X (features, samples): one column per time step.</param>
    /// <param name="targets">Y (outputs, samples).</param>
    /// <param name="lambda">λ ≥ 0, the ridge (Tikhonov) penalty; 0 is least squares and needs X Xᵀ invertible.</param>
    /// <returns>W (outputs, features).</returns>
    public static Matrix<double> Solve(Matrix<double> features, Matrix<double> targets, double lambda)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.ColumnCount != targets.ColumnCount)
            throw new ArgumentException(
                $"features {Shape.Of(features)} and targets {Shape.Of(targets)} need the same number of columns (samples)");
        if (!(lambda >= 0) || !double.IsFinite(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, $"lambda must be a finite number ≥ 0 but is {lambda}");
        // (X Xᵀ + λI) Wᵀ = X Yᵀ, a symmetric positive definite system for λ > 0: Cholesky.
        var gram = features.TransposeAndMultiply(features);
        gram.SetDiagonal(gram.Diagonal() + lambda);
        var right = features.TransposeAndMultiply(targets);
        return gram.Cholesky().Solve(right).Transpose();
    }
}
