using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Tests.Attention;

/// <summary>Random queries, keys and upstream gradients for attention tests, all wrapped as parameters for GradientCheck.</summary>
internal sealed class AttentionFixture
{
    public AttentionFixture(int querySize, int keySize, int positions = 4, int batch = 3, int seed = 11)
    {
        var random = new Random(seed);
        Z = new Parameter("z", CellInit.Uniform(querySize, batch, 1, random));
        Hs = Enumerable.Range(0, positions).Select(i => new Parameter($"h_{i}", CellInit.Uniform(keySize, batch, 1, random))).ToList();
        DScores = CellInit.Uniform(positions, batch, 1, random);
        DContext = CellInit.Uniform(keySize, batch, 1, random);
        DWeights = CellInit.Uniform(positions, batch, 1, random);
    }

    public Parameter Z { get; }

    public IReadOnlyList<Parameter> Hs { get; }

    /// <summary>R in the test loss L = Σ R ∘ scores.</summary>
    public Matrix<double> DScores { get; }

    /// <summary>R in L = Σ R ∘ c (+ Σ S ∘ α).</summary>
    public Matrix<double> DContext { get; }

    /// <summary>S in L = Σ R ∘ c + Σ S ∘ α.</summary>
    public Matrix<double> DWeights { get; }

    public IReadOnlyList<Matrix<double>> HValues => Hs.Select(h => h.Value).ToList();

    public IEnumerable<Parameter> Inputs => [Z, .. Hs];

    public void AccumulateInputs(Matrix<double> dz, IReadOnlyList<Matrix<double>> dhs)
    {
        Z.Accumulate(dz);
        for (var i = 0; i < Hs.Count; i++)
            Hs[i].Accumulate(dhs[i]);
    }

    public static double Dot(Matrix<double> a, Matrix<double> b) => a.PointwiseMultiply(b).Enumerate().Sum();
}
