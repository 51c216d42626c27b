namespace RnnKit;

/// <summary>
/// The one door every lesson's random seeds and training lengths go through, so that a whole run can be shifted to
/// other seeds (<c>rnnkit run --seed N</c>) or cut short (<c>--short-training</c>) without editing a lesson. See
/// <see cref="KitSettings"/> for where the settings come from.
/// </summary>
public static class Kit
{
    /// <summary>Short training divides every step count by this (the claims issue asks for 10 or more).</summary>
    public const int ShortTrainingDivisor = 10;

    /// <summary>How far apart the seeds of two run seeds lie: a prime, so shifted seeds of nearby lessons' seeds do not meet.</summary>
    public const int SeedStride = 7919;

    /// <summary>The largest run seed: keeps every shifted seed a positive <see cref="int"/> for lesson seeds below 10⁹.</summary>
    public const int MaxRunSeed = 100_000;

    /// <summary>
    /// <paramref name="seed"/> as this run uses it: unchanged by default (and for run seed 0), else shifted by
    /// <see cref="SeedStride"/> × the run seed, so every random source of every lesson moves at once.
    /// </summary>
    /// <param name="seed">The lesson's own seed (≥ 0).</param>
    public static int Seed(int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var run = KitSettings.Current.Seed ?? 0;
        return checked(seed + SeedStride * run);
    }

    /// <summary>A generator seeded with <see cref="Seed"/>(<paramref name="seed"/>).</summary>
    public static Random Random(int seed) => new(Seed(seed));

    /// <summary>
    /// A training length (steps, epochs, sequences) as this run uses it: <paramref name="steps"/> by default, and
    /// <paramref name="steps"/> / <see cref="ShortTrainingDivisor"/> (at least 1) in short-training mode.
    /// </summary>
    public static int Steps(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        return KitSettings.Current.ShortTraining ? Math.Max(1, steps / ShortTrainingDivisor) : steps;
    }
}
