using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>How well a reservoir recalls its input k steps back: r²ₖ for k = 1 … K, and their sum.</summary>
/// <param name="PerDelay">r²ₖ at index k − 1: squared correlation of the readout for u⟨t−k⟩ with u⟨t−k⟩, on held-out steps.</param>
public sealed record MemoryCapacityResult(IReadOnlyList<double> PerDelay)
{
    /// <summary>MC = Σₖ r²ₖ (Jaeger 2002); at most the number of reservoir units.</summary>
    public double Total => PerDelay.Sum();
}

/// <summary>
/// Jaeger's short-term memory capacity of an echo-state reservoir: drive it with i.i.d. U(−0.5, 0.5) input, train one
/// ridge readout per delay k to output u⟨t−k⟩, and measure how well each does on steps it was not trained on.
/// </summary>
public static class MemoryCapacity
{
    /// <summary>Measures r²ₖ for k = 1 … <paramref name="maxDelay"/> of <paramref name="network"/> (inputSize 1).</summary>
    /// <param name="network">Its reservoir is used, its readout is not touched.</param>
    /// <param name="maxDelay">K, the longest delay tried.</param>
    /// <param name="trainSteps">Steps fitted (after the washout and the K first steps).</param>
    /// <param name="testSteps">Held-out steps on which r² is measured.</param>
    /// <param name="random">Source of the input sequence.</param>
    public static MemoryCapacityResult Measure(EchoStateNetwork network, int maxDelay, int trainSteps, int testSteps, Random random)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(random);
        if (network.InputSize != 1)
            throw new ArgumentException($"memory capacity drives one input, but the network has {network.InputSize}", nameof(network));
        CellInit.RequirePositive(maxDelay, nameof(maxDelay));
        CellInit.RequirePositive(trainSteps, nameof(trainSteps));
        CellInit.RequirePositive(testSteps, nameof(testSteps));
        var start = network.Config.Washout + maxDelay;
        var total = start + trainSteps + testSteps;
        var u = Matrix<double>.Build.Dense(1, total, (_, _) => random.NextDouble() - 0.5);
        var features = network.Features(u, network.Run(u));
        // targets: row k−1 holds u⟨t−k⟩
        var delayed = Matrix<double>.Build.Dense(maxDelay, total, (k, t) => t - k - 1 >= 0 ? u[0, t - k - 1] : 0);
        var rows = features.RowCount;
        var readout = RidgeRegression.Solve(features.SubMatrix(0, rows, start, trainSteps),
            delayed.SubMatrix(0, maxDelay, start, trainSteps), network.Config.Ridge);
        var test = start + trainSteps;
        var predicted = readout * features.SubMatrix(0, rows, test, testSteps);
        var truth = delayed.SubMatrix(0, maxDelay, test, testSteps);
        var r2 = Enumerable.Range(0, maxDelay).Select(k => SquaredCorrelation(predicted.Row(k), truth.Row(k))).ToList();
        return new MemoryCapacityResult(r2);
    }

    /// <summary>cov(a, b)² / (var a · var b); 0 when either is constant.</summary>
    public static double SquaredCorrelation(Vector<double> a, Vector<double> b)
    {
        if (a.Count != b.Count)
            throw new ArgumentException($"the two series have {a.Count} and {b.Count} samples");
        var da = a - a.Average();
        var db = b - b.Average();
        var (saa, sbb) = (da.DotProduct(da), db.DotProduct(db));
        if (saa == 0 || sbb == 0)
            return 0;
        var sab = da.DotProduct(db);
        return sab * sab / (saa * sbb);
    }
}
