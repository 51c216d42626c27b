using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

public class WorkerTeamTests
{
    [Fact]
    public void Every_part_runs_once_and_part_0_on_the_caller()
    {
        var ran = new int[5];
        var caller = Environment.CurrentManagedThreadId;
        var part0Thread = 0;
        for (var round = 0; round < 50; round++)
            WorkerTeam.Shared.Run(ran.Length, part =>
            {
                Interlocked.Increment(ref ran[part]);
                if (part == 0) part0Thread = Environment.CurrentManagedThreadId;
            });
        Assert.All(ran, count => Assert.Equal(50, count));
        Assert.Equal(caller, part0Thread);
    }

    [Fact]
    public void Workers_that_went_to_sleep_between_loops_wake_for_the_next()
    {
        var ran = new int[3];
        for (var round = 0; round < 5; round++)
        {
            WorkerTeam.Shared.Run(ran.Length, part => Interlocked.Increment(ref ran[part]));
            Thread.Sleep(WorkerTeam.SpinTime * 10); // long enough for every worker to stop spinning and block
        }
        Assert.All(ran, count => Assert.Equal(5, count));
    }

    [Fact]
    public void A_loop_inside_a_part_runs_on_that_parts_thread()
    {
        var inner = new int[3 * 4];
        WorkerTeam.Shared.Run(3, outer => WorkerTeam.Shared.Run(4, part => inner[outer * 4 + part]++));
        Assert.All(inner, count => Assert.Equal(1, count));
    }

    [Fact]
    public void A_failing_part_fails_the_loop_after_every_part_finished()
    {
        var finished = 0;
        var e = Assert.Throws<InvalidOperationException>(() => WorkerTeam.Shared.Run(3, part =>
        {
            if (part == 2) throw new InvalidOperationException("part 2 failed");
            Thread.Sleep(20);
            Interlocked.Increment(ref finished);
        }));
        Assert.Equal("part 2 failed", e.Message);
        Assert.Equal(2, finished);
        WorkerTeam.Shared.Run(3, _ => { });
    }
}
