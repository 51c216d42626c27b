namespace RnnKit.Data.Tasks;

/// <summary>
/// The random source of every generated task. <see cref="System.Random"/> built with a seed uses the legacy
/// subtractive generator (Knuth's), which .NET keeps unchanged for seeded instances so that seeded sequences stay
/// stable across versions and platforms; every task draws only through Next(…) and NextDouble(), so the files
/// are reproducible to the byte.
/// </summary>
internal static class SeededRandom
{
    public static Random Create(int seed) => new(seed);

    /// <summary>One element of <paramref name="items"/>, uniformly.</summary>
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random random, double p) => random.NextDouble() < p;

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double Uniform(this Random random, double low, double high) => low + (high - low) * random.NextDouble();
}
