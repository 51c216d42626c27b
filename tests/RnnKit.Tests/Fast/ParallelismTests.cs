using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

public class ParallelismTests
{
    [Fact]
    public void Limit_lowers_the_degree_inside_the_scope_and_restores_it_after()
    {
        var before = Parallelism.MaxDegree;
        using (Parallelism.Limit(1))
            Assert.Equal(1, Parallelism.MaxDegree);
        Assert.Equal(before, Parallelism.MaxDegree);
    }

    [Fact]
    public void Disposing_a_limit_twice_restores_once()
    {
        var before = Parallelism.MaxDegree;
        var outer = Parallelism.Limit(1);
        outer.Dispose();
        using (Parallelism.Limit(3))
        {
            outer.Dispose();
            Assert.Equal(3, Parallelism.MaxDegree);
        }
        Assert.Equal(before, Parallelism.MaxDegree);
    }

    [Fact]
    public void A_limit_below_one_throws_and_changes_nothing()
    {
        var before = Parallelism.MaxDegree;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.Limit(0));
        Assert.Contains("at least 1", error.Message);
        Assert.Equal(before, Parallelism.MaxDegree);
    }
}
