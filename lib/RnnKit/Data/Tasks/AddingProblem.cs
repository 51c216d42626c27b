using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="AddingProblem"/>.</summary>
public sealed record AddingProblemOptions
{
    public int Count { get; init; } = 500;

    /// <summary>T: sequence length; the two marked values are in different halves.</summary>
    public int Length { get; init; } = 40;

    /// <summary>Values are rounded to this many decimals, so the file holds exactly what the API returns.</summary>
    public int Decimals { get; init; } = 3;

    public int Seed { get; init; } = 103;
}

/// <summary>
/// One adding sequence: x_t = (<see cref="Values"/>[t], <see cref="Markers"/>[t]); exactly two markers are 1, one
/// in each half; the target is the sum of the two marked values (N:1).
/// </summary>
public sealed record AddingExample(double[] Values, int[] Markers, double Target) : IJsonLine
{
    public void WriteTo(Utf8JsonWriter json)
    {
        Json.WriteArray(json, "values", Values);
        Json.WriteArray(json, "markers", Markers);
        json.WriteNumber("target", Target);
    }
}

/// <summary>
/// The adding problem (Hochreiter &amp; Schmidhuber 1997): a long dependency task where the answer depends on two
/// inputs far apart. Always answering 1 (the mean of the target) gives a mean squared error of about 0.167;
/// a model that learnt the task goes well below.
/// </summary>
public static class AddingProblem
{
    public static IReadOnlyList<AddingExample> Generate(AddingProblemOptions? options = null)
    {
        options ??= new AddingProblemOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Length, 2, nameof(options.Length));
        var random = SeededRandom.Create(options.Seed);
        var half = options.Length / 2;
        var examples = new AddingExample[options.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            var values = new double[options.Length];
            for (var t = 0; t < values.Length; t++)
                values[t] = Math.Round(random.NextDouble(), options.Decimals);
            var markers = new int[options.Length];
            var first = random.Next(half);
            var second = half + random.Next(options.Length - half);
            markers[first] = markers[second] = 1;
            examples[i] = new AddingExample(values, markers, Math.Round(values[first] + values[second], options.Decimals));
        }
        return examples;
    }
}
