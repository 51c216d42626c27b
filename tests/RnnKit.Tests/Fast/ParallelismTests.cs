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

    [Fact]
    public void A_recurrent_layer_gives_the_same_numbers_on_one_thread_and_on_all()
    {
        const int steps = 5, batch = 32, input = 3, hidden = 6;
        var x = FastAssert.Random(new Random(4), steps * batch * input, bound: 1);
        var lstm = new FastLstm(input, hidden, seed: 2);
        var all = lstm.Forward(x, steps, batch).Output.ToArray();
        float[] one;
        using (Parallelism.Limit(1))
            one = lstm.Forward(x, steps, batch).Output.ToArray();
        Assert.Equal(all, one);
    }
}
