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

    [Theory]
    [InlineData(8)]
    [InlineData(30)]
    public void Binary_addition_up_to_30_bits_draws_each_operand_with_one_call(int bits)
    {
        // The data sets of lessons and files written before operands could exceed 30 bits must not change.
        var old = new Random(4);
        foreach (var e in BinaryAddition.Generate(new BinaryAdditionOptions { Count = 50, Bits = bits, Seed = 4 }))
        {
            Assert.Equal(old.Next(1 << bits), e.A);
            Assert.Equal(old.Next(1 << bits), e.B);
        }
    }

    [Theory]
    [InlineData(32)]
    [InlineData(BinaryAddition.MaxBits)]
    public void Binary_addition_holds_operands_wider_than_an_int(int bits)
    {
        var examples = BinaryAddition.Generate(new BinaryAdditionOptions { Count = 200, Bits = bits, Delay = 2, Seed = 9 });
        foreach (var e in examples)
        {
            Assert.InRange(e.A, 0, (1L << bits) - 1);
            Assert.InRange(e.B, 0, (1L << bits) - 1);
            Assert.Equal(bits + 1 + 2, e.Inputs.Length);
            Assert.Equal(e.A, BinaryAddition.FromBits(e.Inputs.Select(x => x[0])));
            Assert.Equal(e.B, BinaryAddition.FromBits(e.Inputs.Select(x => x[1])));
            Assert.Equal(e.A + e.B, BinaryAddition.FromBits(e.Targets.Skip(2)));
        }
        // The top bit is drawn too (about half the operands have it), so the sums reach bit `bits`.
        Assert.InRange(examples.Count(e => e.A >> (bits - 1) == 1), 60, 140);
        Assert.Contains(examples, e => e.Sum >> bits == 1);
    }

    [Fact]
    public void Binary_addition_of_the_largest_operands_keeps_the_last_carry()
    {
        const int bits = BinaryAddition.MaxBits;
        var max = (1L << bits) - 1;
        var e = BinaryAddition.Make(max, max, bits, delay: 0);
        Assert.Equal(long.MaxValue - 1, e.Sum); // 2^63 − 2
        Assert.Equal(e.Sum, BinaryAddition.FromBits(e.Targets));
        Assert.Equal(bits + 1, e.Targets.Length); // 111…110: bit 0 clear, bits 1 to 62 set
        Assert.Equal(0, e.Targets[0]);
        Assert.All(e.Targets[1..], bit => Assert.Equal(1, bit));
    }

    [Fact]
    public void Binary_addition_rejects_operands_and_bits_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryAddition.Make(4, 1, bits: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryAddition.Make(-1, 1, bits: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryAddition.Make(1, 1, bits: BinaryAddition.MaxBits + 1));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => BinaryAddition.Generate(new BinaryAdditionOptions { Bits = BinaryAddition.MaxBits + 1 }));
        var tooLong = Enumerable.Repeat(0, 63).Append(1);
        Assert.Contains("bit 63", Assert.Throws<ArgumentException>(() => BinaryAddition.FromBits(tooLong)).Message);
        Assert.Contains("bit 1 is 2", Assert.Throws<ArgumentException>(() => BinaryAddition.FromBits([1, 2])).Message);
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
