namespace RnnKit.Fast;

public static partial class Parallelism
{
    /// <summary>
    /// Multiply-adds per time step each thread must get before another thread pays. Measured on 2 cores (bench,
    /// quiet machine, 1 against 2 threads, alternating): RNN V16 H16 B16 (8 K per step) 0.73×, RNN V16 H32 B16
    /// (25 K) 0.80×, GRU V16 H32 B16 (57 K) 1.15×, the lesson-sized LSTM V16 H32 B16 (74 K) 0.65–1.35× from run to
    /// run (its steps take 0.15 ms, so one late wake-up of the second thread costs more than the thread saves),
    /// LSTM V65 H64 B16 (329 K) 1.36×, RNN-128 B32 (0.8 M) 1.6×, LSTM-128 B32 (2.4 M) 1.9×. So two threads from
    /// 256 K: the models that gain every time, and never the lesson-sized one.
    /// </summary>
    public const long MinWorkPerThread = 131_072;

    /// <summary>Batch rows each thread must get (one row strip of the product's kernel), so its per-step product stays a real matrix product.</summary>
    public const int MinRowsPerThread = BatchChunks.MinRowsPerChunk;

    /// <summary>
    /// The threads a recurrent model chooses on a machine with <paramref name="cores"/> cores: enough that each gets
    /// <see cref="MinWorkPerThread"/> multiply-adds per step — batch · H · (G·H + V), the recurrent product and the
    /// output layer — and <see cref="MinRowsPerThread"/> rows of the batch; never more than the cores, at least one.
    /// </summary>
    /// <param name="batch">B.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="gateWidth">G·H (4H for the LSTM, 3H for the GRU, H for the RNN).</param>
    /// <param name="vocabulary">V of the output layer, 0 for a recurrent layer alone.</param>
    /// <param name="cores">The cores of the machine (a parameter so that tests can ask for other machines).</param>
    public static int Automatic(int batch, int hiddenSize, int gateWidth, int vocabulary, int cores)
    {
        var work = (long)batch * hiddenSize * (gateWidth + vocabulary);
        var byWork = work / MinWorkPerThread;
        var byRows = batch / MinRowsPerThread;
        return (int)Math.Max(1, Math.Min(Math.Min(byWork, byRows), cores));
    }

    /// <summary>
    /// Runs a model's pass with its thread count: <see cref="Threads"/> when forced, else <see cref="Automatic"/> on
    /// this machine capped by <see cref="MaxDegree"/>. Inside a pass that already chose (a layer inside a model), the
    /// outer choice stands.
    /// </summary>
    internal static Scope Choose(int batch, int hiddenSize, int gateWidth, int vocabulary)
    {
        if (t_degree > 0) return new Scope(t_degree);
        var threads = Threads ?? Math.Min(MaxDegree, Automatic(batch, hiddenSize, gateWidth, vocabulary, Environment.ProcessorCount));
        var outer = t_degree;
        t_degree = threads;
        return new Scope(outer);
    }

    /// <summary>Puts the thread count of the enclosing pass back when the pass ends.</summary>
    internal readonly struct Scope(int outer) : IDisposable
    {
        public void Dispose() => t_degree = outer;
    }
}
