using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="CopyProblem"/>.</summary>
public sealed record CopyProblemOptions
{
    public int Count { get; init; } = 500;

    /// <summary>K: how many symbols to remember.</summary>
    public int Length { get; init; } = 8;

    /// <summary>Symbols are 1..Symbols (0 is the blank, Symbols + 1 the delimiter).</summary>
    public int Symbols { get; init; } = 8;

    /// <summary>T: steps between the end of the symbols and the delimiter, the dependency to bridge.</summary>
    public int Delay { get; init; } = 30;

    public int Seed { get; init; } = 102;
}

/// <summary>
/// One copy sequence, both of length T + 2K: <see cref="Inputs"/> = K symbols, T − 1 blanks, the delimiter, K
/// blanks; <see cref="Targets"/> = T + K blanks, then the K symbols.
/// </summary>
public sealed record CopyExample(int[] Inputs, int[] Targets) : IJsonLine
{
    public void WriteTo(Utf8JsonWriter json)
    {
        Json.WriteArray(json, "inputs", Inputs);
        Json.WriteArray(json, "targets", Targets);
    }
}

/// <summary>
/// The copy problem (Hochreiter &amp; Schmidhuber 1997; Arjovsky et al. 2016): read K symbols, wait T steps, then on
/// the delimiter reproduce them. Guessing gives a cross-entropy of K·ln(Symbols)/(T + 2K); beating it needs a
/// memory that lasts T steps — what a plain RNN lacks and an LSTM has.
/// </summary>
public static class CopyProblem
{
    public const int Blank = 0;

    public static int Delimiter(CopyProblemOptions options) => options.Symbols + 1;

    public static IReadOnlyList<CopyExample> Generate(CopyProblemOptions? options = null)
    {
        options ??= new CopyProblemOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Length, 1, nameof(options.Length));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Delay, 1, nameof(options.Delay));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Symbols, 1, nameof(options.Symbols));
        var random = SeededRandom.Create(options.Seed);
        var (k, delay) = (options.Length, options.Delay);
        var examples = new CopyExample[options.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            var inputs = new int[delay + 2 * k];
            var targets = new int[delay + 2 * k];
            for (var j = 0; j < k; j++)
            {
                inputs[j] = 1 + random.Next(options.Symbols);
                targets[delay + k + j] = inputs[j];
            }
            inputs[delay + k - 1] = Delimiter(options);
            examples[i] = new CopyExample(inputs, targets);
        }
        return examples;
    }
}
