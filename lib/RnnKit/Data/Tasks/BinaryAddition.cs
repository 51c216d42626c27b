using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="BinaryAddition"/>; specialise with <c>with { Bits = 16 }</c>.</summary>
public sealed record BinaryAdditionOptions
{
    /// <summary>Number of examples.</summary>
    public int Count { get; init; } = 1000;

    /// <summary>
    /// Operands are in [0, 2^Bits); the sum needs Bits + 1 bits. At most <see cref="BinaryAddition.MaxBits"/>, so
    /// that the sum fits a long.
    /// </summary>
    public int Bits { get; init; } = 8;

    /// <summary>Steps between reading bit i of the operands and emitting bit i of the sum.</summary>
    public int Delay { get; init; } = 2;

    public int Seed { get; init; } = 101;
}

/// <summary>
/// a + b, with x_t = (bit t of a, bit t of b) and y_t = bit (t − Delay) of a + b.
/// <see cref="Inputs"/> is (T, 2) and <see cref="Targets"/> is (T) with T = Bits + 1 + Delay.
/// </summary>
public sealed record BinaryAdditionExample(long A, long B, int[][] Inputs, int[] Targets) : IJsonLine
{
    public long Sum => A + B;

    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteNumber("a", A);
        json.WriteNumber("b", B);
        json.WriteNumber("sum", Sum);
        Json.WriteMatrix(json, "inputs", Inputs);
        Json.WriteArray(json, "targets", Targets);
    }
}

/// <summary>
/// Binary addition, the classic first task for a recurrent network: the bits of a and b arrive least significant
/// first, one pair per step, and the network outputs the bits of a + b, also least significant first, Delay steps
/// later (the two-step delay of the classic setup gives it time to see the carry). The carry is the one thing the
/// hidden state must remember.
/// </summary>
public static class BinaryAddition
{
    /// <summary>The widest operands: 62 bits, so that a + b (63 bits) fits a long.</summary>
    public const int MaxBits = 62;

    /// <summary>
    /// Bits drawn by one call of Random.Next: an operand of up to 30 bits is one draw, exactly as before operands
    /// could be wider, so every data set of ≤ 30 bits is unchanged; wider ones are drawn 30 bits at a time, low first.
    /// </summary>
    private const int BitsPerDraw = 30;

    public static IReadOnlyList<BinaryAdditionExample> Generate(BinaryAdditionOptions? options = null)
    {
        options ??= new BinaryAdditionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bits, 1, nameof(options.Bits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Bits, MaxBits, nameof(options.Bits));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Delay, nameof(options.Delay));
        var random = SeededRandom.Create(options.Seed);
        var examples = new BinaryAdditionExample[options.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            var a = Draw(random, options.Bits);
            var b = Draw(random, options.Bits);
            examples[i] = Make(a, b, options.Bits, options.Delay);
        }
        return examples;
    }

    /// <summary>The example for <paramref name="a"/> + <paramref name="b"/>, both in [0, 2^<paramref name="bits"/>).</summary>
    public static BinaryAdditionExample Make(long a, long b, int bits, int delay = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, MaxBits);
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        RequireOperand(a, bits, nameof(a));
        RequireOperand(b, bits, nameof(b));
        var steps = bits + 1 + delay;
        var inputs = new int[steps][];
        var targets = new int[steps];
        var sum = a + b;
        for (var t = 0; t < steps; t++)
        {
            inputs[t] = [Bit(a, t), Bit(b, t)];
            targets[t] = t >= delay ? Bit(sum, t - delay) : 0;
        }
        return new BinaryAdditionExample(a, b, inputs, targets);
    }

    /// <summary>Reads a number back from bits, least significant first (e.g. a model's outputs after the delay).</summary>
    /// <exception cref="ArgumentException">More than 63 bits, or a value other than 0 and 1.</exception>
    public static long FromBits(IEnumerable<int> bitsLsbFirst)
    {
        ArgumentNullException.ThrowIfNull(bitsLsbFirst);
        long value = 0;
        var i = 0;
        foreach (var bit in bitsLsbFirst)
        {
            if (bit is not (0 or 1))
                throw new ArgumentException($"bit {i} is {bit}; bits must be 0 or 1", nameof(bitsLsbFirst));
            if (bit == 1)
            {
                if (i > MaxBits)
                    throw new ArgumentException($"bit {i} is set, but a long holds only bits 0 to {MaxBits}", nameof(bitsLsbFirst));
                value |= 1L << i;
            }
            i++;
        }
        return value;
    }

    /// <summary>A uniform number in [0, 2^bits).</summary>
    private static long Draw(Random random, int bits)
    {
        long value = 0;
        for (var low = 0; low < bits; low += BitsPerDraw)
        {
            var width = Math.Min(BitsPerDraw, bits - low);
            value |= (long)random.Next(1 << width) << low;
        }
        return value;
    }

    private static void RequireOperand(long value, int bits, string name)
    {
        if (value < 0 || value >= 1L << bits)
            throw new ArgumentOutOfRangeException(name, value, $"an operand of {bits} bits must be in [0, 2^{bits})");
    }

    private static int Bit(long value, int i) => i <= MaxBits ? (int)((value >> i) & 1) : 0;
}
