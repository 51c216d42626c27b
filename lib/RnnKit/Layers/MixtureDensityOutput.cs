using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// The output distribution of a handwriting model (Graves 2013, §4): a mixture of K bivariate normal
/// distributions over the pen offset (Δx, Δy), each with its own correlation, and a Bernoulli over the pen-up bit
/// p. A network's raw output ŷ, (6K+1, N) with one column per position, is read as
/// <list type="bullet">
/// <item>rows 0…K−1: ŷπ, mixture weights π = softmax(ŷπ · (1 + b));</item>
/// <item>rows K…3K−1: μx then μy, the components' means;</item>
/// <item>rows 3K…5K−1: ŷσx then ŷσy, standard deviations σ = exp(ŷσ − b);</item>
/// <item>rows 5K…6K−1: ŷρ, correlations ρ = tanh(ŷρ);</item>
/// <item>row 6K: ŷe, the pen-up probability e = σ(ŷe) = 1 / (1 + exp(−ŷe)).</item>
/// </list>
/// b is the sampling bias (0 for training and likelihoods): b &gt; 0 sharpens the mixture and narrows every
/// component, so samples are neater and less varied. The loss per position is
/// −log Σₖ πₖ 𝒩(Δx, Δy | μₖ, σₖ, ρₖ) (the offset term) − log(e if p = 1 else 1 − e) (the pen term).
/// </summary>
public sealed class MixtureDensityOutput
{
    /// <summary>Raw outputs per component: π, μx, μy, σx, σy, ρ.</summary>
    public const int RowsPerComponent = 6;

    public MixtureDensityOutput(int components)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);
        Components = components;
    }

    /// <summary>K.</summary>
    public int Components { get; }

    /// <summary>6K + 1: the rows ŷ must have.</summary>
    public int InputSize => RowsPerComponent * Components + 1;

    /// <summary>The mixture ŷ describes, column by column.</summary>
    /// <param name="y">ŷ (6K+1, N).</param>
    /// <param name="bias">The sampling bias b ≥ 0.</param>
    public MixtureParameters Parameters(Matrix<double> y, double bias = 0)
    {
        Shape.RequireRows(y, InputSize, "ŷ of the mixture density output");
        if (!(bias >= 0)) throw new ArgumentOutOfRangeException(nameof(bias), bias, "the bias must be ≥ 0");
        int k = Components, n = y.ColumnCount;
        Matrix<double> New() => Matrix<double>.Build.Dense(k, n);
        var p = new MixtureParameters(New(), New(), New(), New(), New(), New(), Matrix<double>.Build.Dense(1, n));
        var values = y.AsColumnMajorArray() ?? y.ToColumnMajorArray();
        for (var j = 0; j < n; j++)
        {
            var column = values.AsSpan(j * InputSize, InputSize);
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++) max = Math.Max(max, column[c] * (1 + bias));
            double sum = 0;
            for (var c = 0; c < k; c++) sum += p.Pi[c, j] = Math.Exp(column[c] * (1 + bias) - max);
            for (var c = 0; c < k; c++)
            {
                p.Pi[c, j] /= sum;
                p.MuX[c, j] = column[k + c];
                p.MuY[c, j] = column[2 * k + c];
                p.SigmaX[c, j] = Math.Exp(column[3 * k + c] - bias);
                p.SigmaY[c, j] = Math.Exp(column[4 * k + c] - bias);
                p.Rho[c, j] = Math.Tanh(column[5 * k + c]);
            }
            p.PenUp[0, j] = 1 / (1 + Math.Exp(-column[6 * k]));
        }
        return p;
    }

    /// <summary>
    /// The loss of the targets under ŷ, averaged over the positions with their weights (a weight of 0 masks a
    /// padded position out), split into the offset and the pen terms.
    /// </summary>
    /// <param name="y">ŷ (6K+1, N).</param>
    /// <param name="targets">(3, N): Δx, Δy, p per column.</param>
    /// <param name="weights">N weights ≥ 0 with a positive sum; null for all 1.</param>
    public (MixtureDensityLoss Loss, MixtureDensityCache Cache) Forward(Matrix<double> y, Matrix<double> targets, IReadOnlyList<double>? weights = null)
    {
        Shape.RequireRows(y, InputSize, "ŷ of the mixture density output");
        Shape.Require(targets, 3, y.ColumnCount, "targets (Δx, Δy, p)");
        int k = Components, n = y.ColumnCount;
        var w = weights?.ToArray() ?? Enumerable.Repeat(1.0, n).ToArray();
        if (w.Length != n) throw new ShapeMismatchException($"weights has {w.Length} entries but ŷ has {n} columns");
        var total = w.Sum();
        if (w.Any(v => v < 0) || !(total > 0)) throw new ArgumentException("weights must be ≥ 0 with a positive sum", nameof(weights));
        var p = Parameters(y);
        var gamma = Matrix<double>.Build.Dense(k, n);
        var logTerms = new double[k];
        double offset = 0, pen = 0;
        for (var j = 0; j < n; j++)
        {
            if (w[j] == 0) continue;
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                logTerms[c] = Math.Log(p.Pi[c, j]) + LogDensity(targets[0, j], targets[1, j], p.MuX[c, j], p.MuY[c, j], p.SigmaX[c, j], p.SigmaY[c, j], p.Rho[c, j]);
                max = Math.Max(max, logTerms[c]);
            }
            double sum = 0;
            for (var c = 0; c < k; c++) sum += gamma[c, j] = Math.Exp(logTerms[c] - max);
            for (var c = 0; c < k; c++) gamma[c, j] /= sum;
            offset -= w[j] * (max + Math.Log(sum));
            pen -= w[j] * LogBernoulli(targets[2, j], y[6 * k, j]);
        }
        return (new MixtureDensityLoss(offset / total, pen / total), new MixtureDensityCache(y, targets, w, total, p, gamma));
    }

    /// <summary>
    /// ∂L/∂ŷ (6K+1, N) of L = offset + pen term of <see cref="Forward"/>, with γₖ = πₖ𝒩ₖ / Σⱼ πⱼ𝒩ⱼ the responsibility
    /// of component k, u = (Δx − μx)/σx, v = (Δy − μy)/σy, Z = u² + v² − 2ρuv and C = 1/(1 − ρ²), per position
    /// (times its weight over the weights' sum):
    /// ∂/∂ŷπ = π − γ; ∂/∂μx = −γC(u − ρv)/σx; ∂/∂ŷσx = γ(1 − Cu(u − ρv)); ∂/∂ŷρ = −γ(uv + ρ(1 − CZ)); ∂/∂ŷe = e − p
    /// (and the same for y with u and v swapped).
    /// </summary>
    public Matrix<double> Backward(MixtureDensityCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        int k = Components, n = cache.Y.ColumnCount;
        var p = cache.Parameters;
        var t = cache.Targets;
        var dy = Matrix<double>.Build.Dense(InputSize, n);
        for (var j = 0; j < n; j++)
        {
            var scale = cache.Weights[j] / cache.WeightSum;
            if (scale == 0) continue;
            for (var c = 0; c < k; c++)
            {
                double g = cache.Responsibilities[c, j], rho = p.Rho[c, j], sx = p.SigmaX[c, j], sy = p.SigmaY[c, j];
                double u = (t[0, j] - p.MuX[c, j]) / sx, v = (t[1, j] - p.MuY[c, j]) / sy;
                double inv = 1 / (1 - rho * rho), z = u * u + v * v - 2 * rho * u * v;
                dy[c, j] = scale * (p.Pi[c, j] - g);
                dy[k + c, j] = -scale * g * inv * (u - rho * v) / sx;
                dy[2 * k + c, j] = -scale * g * inv * (v - rho * u) / sy;
                dy[3 * k + c, j] = scale * g * (1 - inv * u * (u - rho * v));
                dy[4 * k + c, j] = scale * g * (1 - inv * v * (v - rho * u));
                dy[5 * k + c, j] = -scale * g * (u * v + rho * (1 - inv * z));
            }
            dy[6 * k, j] = scale * (p.PenUp[0, j] - t[2, j]);
        }
        return dy;
    }

    /// <summary>
    /// One draw (Δx, Δy, p) from column <paramref name="column"/> of ŷ: a component k with probability πₖ, then
    /// Δx = μx + σx·z₁, Δy = μy + σy(ρz₁ + √(1−ρ²)·z₂) with z₁, z₂ ~ 𝒩(0, 1), and the pen lifted with probability e.
    /// </summary>
    /// <param name="y">ŷ (6K+1, N).</param>
    /// <param name="column">Which position to draw from.</param>
    /// <param name="random">The source of randomness (seed it through Kit).</param>
    /// <param name="bias">b ≥ 0: larger is neater and less varied.</param>
    public PenDraw Sample(Matrix<double> y, int column, Random random, double bias = 0)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, y.ColumnCount);
        var p = Parameters(y.SubMatrix(0, y.RowCount, column, 1), bias);
        var u = random.NextDouble();
        var c = 0;
        for (double cumulative = p.Pi[0, 0]; c < Components - 1 && u >= cumulative; cumulative += p.Pi[c, 0])
            c++;
        var z1 = NormalDraw.Standard(random);
        var z2 = NormalDraw.Standard(random);
        var rho = p.Rho[c, 0];
        var dx = p.MuX[c, 0] + p.SigmaX[c, 0] * z1;
        var dy = p.MuY[c, 0] + p.SigmaY[c, 0] * (rho * z1 + Math.Sqrt(1 - rho * rho) * z2);
        return new PenDraw(dx, dy, random.NextDouble() < p.PenUp[0, 0], c);
    }

    /// <summary>
    /// log 𝒩(x₁, x₂ | μ₁, μ₂, σ₁, σ₂, ρ) = −log(2πσ₁σ₂√(1−ρ²)) − Z / (2(1−ρ²)), with
    /// Z = ((x₁−μ₁)/σ₁)² + ((x₂−μ₂)/σ₂)² − 2ρ(x₁−μ₁)(x₂−μ₂)/(σ₁σ₂).
    /// </summary>
    public static double LogDensity(double x1, double x2, double mu1, double mu2, double sigma1, double sigma2, double rho)
    {
        double u = (x1 - mu1) / sigma1, v = (x2 - mu2) / sigma2, oneMinus = 1 - rho * rho;
        var z = u * u + v * v - 2 * rho * u * v;
        return -Math.Log(2 * Math.PI * sigma1 * sigma2 * Math.Sqrt(oneMinus)) - z / (2 * oneMinus);
    }

    /// <summary>log e if p = 1, log(1 − e) if p = 0, for e = σ(ŷe), computed without overflow.</summary>
    private static double LogBernoulli(double p, double logit) =>
        p > 0.5 ? -Softplus(-logit) : -Softplus(logit);

    /// <summary>log(1 + exp(x)).</summary>
    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
}

/// <summary>The mixture read from ŷ: every matrix is (K, N) except <see cref="PenUp"/> (1, N).</summary>
public sealed record MixtureParameters(Matrix<double> Pi, Matrix<double> MuX, Matrix<double> MuY, Matrix<double> SigmaX,
    Matrix<double> SigmaY, Matrix<double> Rho, Matrix<double> PenUp);

/// <summary>The mean loss per weighted position, split into −log of the offset density and of the pen bit's probability.</summary>
public readonly record struct MixtureDensityLoss(double Offset, double Pen)
{
    public double Total => Offset + Pen;
}

/// <summary>What <see cref="MixtureDensityOutput.Backward"/> needs: the inputs, the weights, the mixture and the responsibilities γ (K, N).</summary>
public sealed record MixtureDensityCache(Matrix<double> Y, Matrix<double> Targets, double[] Weights, double WeightSum,
    MixtureParameters Parameters, Matrix<double> Responsibilities);

/// <summary>One sampled step: the offset, whether the pen lifts, and which component it came from.</summary>
public readonly record struct PenDraw(double Dx, double Dy, bool PenUp, int Component);
