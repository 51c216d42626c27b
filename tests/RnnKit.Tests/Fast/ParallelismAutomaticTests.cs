using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>The thread count a model chooses, asked for machines of 2 to 16 cores.</summary>
public class ParallelismAutomaticTests
{
    private static int Lstm(int batch, int hidden, int vocabulary, int cores) =>
        Parallelism.Automatic(batch, hidden, 4 * hidden, vocabulary, cores);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void The_tiniest_models_and_small_batches_run_on_one_thread_whatever_the_machine(int cores)
    {
        Assert.Equal(1, Parallelism.Automatic(16, 16, 16, 16, cores));         // RNN V16 H16 B16: 0.73× on two threads
        Assert.Equal(1, Parallelism.Automatic(16, 32, 32, 16, cores));         // RNN V16 H32 B16: 0.80×
        Assert.Equal(1, Lstm(batch: 16, hidden: 32, vocabulary: 16, cores));   // the lesson-sized LSTM: 0.65–1.35×
        Assert.Equal(1, Lstm(batch: 4, hidden: 1024, vocabulary: 65, cores));   // too few rows to share
        Assert.Equal(1, Lstm(batch: 15, hidden: 512, vocabulary: 65, cores));   // 15 rows: not 8 for each of two
    }

    [Theory]
    [InlineData(2, 2, 2, 2)]
    [InlineData(4, 2, 4, 4)]
    [InlineData(8, 2, 4, 8)]
    [InlineData(16, 2, 4, 8)]
    public void Models_take_threads_up_to_one_per_8_rows_of_the_batch(int cores, int atBatch16, int atBatch32, int atBatch64)
    {
        Assert.Equal(atBatch16, Lstm(batch: 16, hidden: 64, vocabulary: 65, cores));     // 1.36× on two threads
        Assert.Equal(atBatch32, Lstm(batch: 32, hidden: 128, vocabulary: 65, cores));
        Assert.Equal(atBatch32, Lstm(batch: 32, hidden: 256, vocabulary: 65, cores));
        Assert.Equal(atBatch32, Parallelism.Automatic(32, 256, 3 * 256, 65, cores));    // GRU-256
        Assert.Equal(atBatch64, Lstm(batch: 64, hidden: 256, vocabulary: 65, cores));
    }

    [Fact]
    public void Work_per_step_limits_the_threads_before_the_rows_do()
    {
        // GRU V16 H32 B16: 57 K multiply-adds per step, under one thread's 128 K
        Assert.Equal(1, Parallelism.Automatic(16, 32, 96, 16, cores: 16));
        // B = 64 gives 8 threads' rows, but H = 32 only 64·32·(128 + 16) / 128 K = 2 threads' work
        Assert.Equal(2, Lstm(batch: 64, hidden: 32, vocabulary: 16, cores: 16));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void Never_more_threads_than_cores_and_always_at_least_one(int cores)
    {
        Assert.Equal(cores, Lstm(batch: 1024, hidden: 1024, vocabulary: 10_000, cores));
        Assert.Equal(1, Lstm(batch: 1, hidden: 1, vocabulary: 1, cores));
        Assert.Equal(1, Lstm(batch: 1024, hidden: 1024, vocabulary: 10_000, cores: 1));
    }
}
