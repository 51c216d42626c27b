using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

public class NumericSettingsTests
{
    [Fact]
    public void Restore_puts_back_the_forced_thread_count_and_the_cap()
    {
        var (degree, forced) = (Parallelism.MaxDegree, Parallelism.Threads);
        var snapshot = NumericSettings.Capture();
        try
        {
            Parallelism.Threads = 3;
            Parallelism.MaxDegree = degree + 1;
            snapshot.Restore();
            Assert.Equal(forced, Parallelism.Threads);
            Assert.Equal(degree, Parallelism.MaxDegree);
        }
        finally
        {
            (Parallelism.MaxDegree, Parallelism.Threads) = (degree, forced);
        }
    }
}
