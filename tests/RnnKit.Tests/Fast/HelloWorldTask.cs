namespace RnnKit.Tests.Fast;

/// <summary>
/// A tiny character task for the fast models: continue "hello world " (eleven symbols and a space, a sequence that
/// needs memory of the context). One fixed minibatch of windows cut at seeded random offsets, time-major.
/// </summary>
internal static class HelloWorldTask
{
    public const string Text = "hello world ";

    public const int Steps = 8, Batch = 16;

    /// <summary>The distinct characters in order; a token is an index into it.</summary>
    public static readonly char[] Alphabet = Text.Distinct().Order().ToArray();

    /// <summary>Inputs and next-character targets, (Steps, Batch) time-major: position t · Batch + b.</summary>
    public static (int[] Inputs, int[] Targets) Minibatch()
    {
        var random = new Random(0);
        var inputs = new int[Steps * Batch];
        var targets = new int[Steps * Batch];
        for (var b = 0; b < Batch; b++)
        {
            var start = random.Next(Text.Length);
            for (var t = 0; t < Steps; t++)
            {
                inputs[t * Batch + b] = Array.IndexOf(Alphabet, Text[(start + t) % Text.Length]);
                targets[t * Batch + b] = Array.IndexOf(Alphabet, Text[(start + t + 1) % Text.Length]);
            }
        }
        return (inputs, targets);
    }
}
