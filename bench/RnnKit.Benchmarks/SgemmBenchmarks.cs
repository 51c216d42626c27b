using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using RnnKit.Fast;

namespace RnnKit.Benchmarks;

/// <summary>
/// The products of one LSTM training step (hidden 128, batch 32, 64 steps): our SGEMM on one core and on all
/// cores against MathNet's managed float product.
/// </summary>
[MemoryDiagnoser]
public class SgemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];
    private Matrix<float> _ma = null!, _mb = null!, _mc = null!;

    /// <summary>(m, n, k): input projection X·W_ihᵀ, weight gradient dGᵀ·X, input gradient dG·W_ih, one step.</summary>
    [Params("2048x512x128", "512x128x2048", "2048x128x512", "32x512x128")]
    public string Shape { get; set; } = "";

    private int M => int.Parse(Shape.Split('x')[0]);
    private int N => int.Parse(Shape.Split('x')[1]);
    private int K => int.Parse(Shape.Split('x')[2]);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a = [.. Enumerable.Range(0, M * K).Select(_ => (float)random.NextDouble())];
        _b = [.. Enumerable.Range(0, K * N).Select(_ => (float)random.NextDouble())];
        _c = new float[M * N];
        _ma = Matrix<float>.Build.Dense(M, K, (i, j) => _a[i * K + j]);
        _mb = Matrix<float>.Build.Dense(K, N, (i, j) => _b[i * N + j]);
        _mc = Matrix<float>.Build.Dense(M, N);
        MathNet.Numerics.Control.UseManaged();
    }

    [Benchmark(Baseline = true)]
    public void MathNetManaged() => _ma.Multiply(_mb, _mc);

    [Benchmark]
    public void SgemmOneCore()
    {
        Parallelism.MaxDegree = 1;
        Sgemm.Multiply(MatrixOp.None, MatrixOp.None, M, N, K, _a, K, _b, N, _c, N);
    }

    [Benchmark]
    public void SgemmAllCores()
    {
        Parallelism.MaxDegree = Environment.ProcessorCount;
        Sgemm.Multiply(MatrixOp.None, MatrixOp.None, M, N, K, _a, K, _b, N, _c, N);
    }
}
