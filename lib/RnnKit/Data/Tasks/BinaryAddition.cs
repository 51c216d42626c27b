using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="BinaryAddition"/>; specialise with <c>with { Bits = 16 }</c>.</summary>
public sealed record BinaryAdditionOptions
{
    /// <summary>Number of examples.</summary>
    public int Count { get; init; } = 1000;

    /// <summary>Operands are in [0, 2^Bits); the sum needs Bits + 1 bits.</summary>
    public int Bits { get; init; } = 8;

    /// <summary>Steps between reading bit i of the operands and emitting bit i of the sum.</summary>
    public int Delay { get; init; } = 2;

    public int Seed { get; init; } = 101;
}

/// <summary>
/// a + b, with x_t = (bit t of a, bit t of b) and y_t = bit (t − Delay) of a + b.
/// <see cref="Inputs"/> is (T, 2) and <see cref="Targets"/> is (T) with T = Bits + 1 + Delay.
/// </summary>
public sealed record BinaryAdditionExample(int A, int B, int[][] Inputs, int[] Targets) : IJsonLine
{
    public int Sum => A + B;

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
    public static IReadOnlyList<BinaryAdditionExample> Generate(BinaryAdditionOptions? options = null)
    {
        options ??= new BinaryAdditionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bits, 1, nameof(options.Bits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Bits, 30, nameof(options.Bits));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Delay, nameof(options.Delay));
        var random = SeededRandom.Create(options.Seed);
        var examples = new BinaryAdditionExample[options.Count];
        for (var i = 0; i < examples.Length; i++)
            examples[i] = Make(random.Next(1 << options.Bits), random.Next(1 << options.Bits), options.Bits, options.Delay);
        return examples;
    }

    /// <summary>The example for <paramref name="a"/> + <paramref name="b"/>.</summary>
    public static BinaryAdditionExample Make(int a, int b, int bits, int delay = 2)
    {
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
    public static int FromBits(IEnumerable<int> bitsLsbFirst) => bitsLsbFirst.Select((bit, i) => bit << i).Sum();

    private static int Bit(int value, int i) => i < 31 ? (value >> i) & 1 : 0;
}
