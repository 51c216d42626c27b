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
    public void The_lessons_models_run_on_one_thread_whatever_the_machine(int cores)
    {
        Assert.Equal(1, Lstm(batch: 16, hidden: 32, vocabulary: 16, cores));    // the lesson-sized LSTM
        Assert.Equal(1, Lstm(batch: 32, hidden: 128, vocabulary: 65, cores));   // LSTM-128, batch 32
        Assert.Equal(1, Parallelism.Automatic(32, 128, 128, 65, cores));       // RNN-128
        Assert.Equal(1, Lstm(batch: 4, hidden: 1024, vocabulary: 65, cores));   // too few rows to share
    }

    [Theory]
    [InlineData(4, 2, 4)]
    [InlineData(8, 2, 4)]
    [InlineData(16, 2, 4)]
    public void Big_models_take_more_threads_up_to_their_rows_and_work(int cores, int atBatch32, int atBatch64)
    {
        Assert.Equal(atBatch32, Lstm(batch: 32, hidden: 256, vocabulary: 65, cores));
        Assert.Equal(atBatch64, Lstm(batch: 64, hidden: 256, vocabulary: 65, cores));
        Assert.Equal(2, Parallelism.Automatic(32, 256, 3 * 256, 65, cores));    // GRU-256
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
