using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="Parity"/>.</summary>
public sealed record ParityOptions
{
    public int Count { get; init; } = 1000;

    /// <summary>Bits per sequence.</summary>
    public int Length { get; init; } = 16;

    public int Seed { get; init; } = 104;
}

/// <summary>
/// A bit string and its running parity: <see cref="RunningParity"/>[t] = (bits 0..t) mod 2, an N:N target;
/// <see cref="Value"/> is the parity of the whole string, the N:1 target.
/// </summary>
public sealed record ParityExample(int[] Bits, int[] RunningParity) : IJsonLine
{
    public int Value => RunningParity[^1];

    public void WriteTo(Utf8JsonWriter json)
    {
        Json.WriteArray(json, "bits", Bits);
        Json.WriteArray(json, "running_parity", RunningParity);
        json.WriteNumber("parity", Value);
    }
}

/// <summary>
/// Parity (XOR of all bits): trivial with one bit of state, hopeless for a model that only looks at a window,
/// and hard for gradient descent on long strings because every bit flips the answer.
/// </summary>
public static class Parity
{
    public static IReadOnlyList<ParityExample> Generate(ParityOptions? options = null)
    {
        options ??= new ParityOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Length, 1, nameof(options.Length));
        var random = SeededRandom.Create(options.Seed);
        var examples = new ParityExample[options.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            var bits = new int[options.Length];
            var running = new int[options.Length];
            for (var t = 0; t < bits.Length; t++)
            {
                bits[t] = random.Next(2);
                running[t] = (t == 0 ? 0 : running[t - 1]) ^ bits[t];
            }
            examples[i] = new ParityExample(bits, running);
        }
        return examples;
    }
}
