using RnnKit.Data.Tasks;
using Xunit;

namespace RnnKit.Tests.Data.Tasks;

/// <summary>The numeric tasks: binary addition, copy, adding, parity.</summary>
public class SequenceTaskTests
{
    [Fact]
    public void Binary_addition_emits_the_sum_bits_after_the_delay()
    {
        var examples = BinaryAddition.Generate(new BinaryAdditionOptions { Count = 200 });
        Assert.Equal(200, examples.Count);
        foreach (var e in examples)
        {
            Assert.Equal(8 + 1 + 2, e.Inputs.Length);
            Assert.Equal(e.A, BinaryAddition.FromBits(e.Inputs.Select(x => x[0])));
            Assert.Equal(e.B, BinaryAddition.FromBits(e.Inputs.Select(x => x[1])));
            Assert.Equal([0, 0], e.Targets[..2]);
            Assert.Equal(e.A + e.B, BinaryAddition.FromBits(e.Targets.Skip(2)));
        }
        var five = BinaryAddition.Make(3, 2, bits: 2, delay: 2); // 3 + 2 = 5 = 101b
        Assert.Equal([0, 0, 1, 0, 1], five.Targets);
        Assert.Equal([[1, 0], [1, 1], [0, 0], [0, 0], [0, 0]], five.Inputs);
    }

    [Fact]
    public void Copy_targets_repeat_the_symbols_after_the_delimiter()
    {
        var o = new CopyProblemOptions { Count = 50, Length = 4, Delay = 10 };
        foreach (var e in CopyProblem.Generate(o))
        {
            Assert.Equal(10 + 2 * 4, e.Inputs.Length);
            Assert.Equal(e.Inputs[..4], e.Targets[^4..]);
            Assert.All(e.Inputs[..4], s => Assert.InRange(s, 1, 8));
            Assert.Equal(CopyProblem.Delimiter(o), e.Inputs[10 + 4 - 1]);
            Assert.Equal(5, e.Inputs.Count(s => s != CopyProblem.Blank));
            Assert.All(e.Targets[..^4], t => Assert.Equal(CopyProblem.Blank, t));
        }
    }

    [Fact]
    public void Adding_target_is_the_sum_of_the_two_marked_values_one_per_half()
    {
        foreach (var e in AddingProblem.Generate(new AddingProblemOptions { Count = 100, Length = 20 }))
        {
            var marked = Enumerable.Range(0, 20).Where(t => e.Markers[t] == 1).ToArray();
            Assert.Equal(2, marked.Length);
            Assert.True(marked[0] < 10 && marked[1] >= 10);
            Assert.Equal(Math.Round(e.Values[marked[0]] + e.Values[marked[1]], 3), e.Target);
            Assert.All(e.Values, v => Assert.InRange(v, 0.0, 1.0));
        }
    }

    [Fact]
    public void Parity_is_the_running_xor()
    {
        foreach (var e in Parity.Generate(new ParityOptions { Count = 100, Length = 9 }))
        {
            for (var t = 0; t < 9; t++)
                Assert.Equal(e.Bits[..(t + 1)].Sum() % 2, e.RunningParity[t]);
            Assert.Equal(e.Bits.Sum() % 2, e.Value);
        }
    }

    [Fact]
    public void Generation_depends_only_on_the_seed()
    {
        var a = Parity.Generate(new ParityOptions { Seed = 7 });
        var b = Parity.Generate(new ParityOptions { Seed = 7 });
        var c = Parity.Generate(new ParityOptions { Seed = 8 });
        Assert.Equal(a.Select(e => string.Concat(e.Bits)), b.Select(e => string.Concat(e.Bits)));
        Assert.NotEqual(a.Select(e => string.Concat(e.Bits)), c.Select(e => string.Concat(e.Bits)));
    }
}
