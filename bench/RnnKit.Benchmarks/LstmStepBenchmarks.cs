using BenchmarkDotNet.Attributes;
using RnnKit.Fast;

namespace RnnKit.Benchmarks;

/// <summary>
/// One LSTM time step (hidden 128, batch 32) and a whole forward + backward over 64 steps, on one core: the
/// recurrent product with the packed W_hhᵀ plus the element-wise gates.
/// </summary>
[MemoryDiagnoser]
public class LstmStepBenchmarks
{
    private const int Hidden = 128, Batch = 32, Steps = 64;
    private FastLstm _lstm = null!;
    private float[] _x = [], _dY = [], _dX = [];
    private FastLstmCache _oneStep = null!, _sequence = null!;

    [GlobalSetup]
    public void Setup()
    {
        Parallelism.MaxDegree = 1;
        var random = new Random(2);
        _lstm = new FastLstm(Hidden, Hidden, random);
        _x = [.. Enumerable.Range(0, Steps * Batch * Hidden).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        _dY = [.. Enumerable.Range(0, Steps * Batch * Hidden).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        _dX = new float[_x.Length];
        _oneStep = _lstm.Forward(_x.AsMemory(0, Batch * Hidden), 1, Batch);
        _sequence = _lstm.Forward(_x, Steps, Batch);
    }

    [Benchmark]
    public FastLstmCache OneTimeStep() => _oneStep = _lstm.Forward(_x.AsMemory(0, Batch * Hidden), 1, Batch, reuse: _oneStep);

    [Benchmark]
    public FastState SequenceForwardBackward()
    {
        _sequence = _lstm.Forward(_x, Steps, Batch, reuse: _sequence);
        return _lstm.Backward(_sequence, _dY, _dX);
    }
}
