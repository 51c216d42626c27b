namespace RnnKit;

/// <summary>Draws from the standard normal distribution with a given <see cref="Random"/>.</summary>
internal static class NormalDraw
{
    /// <summary>One N(0, 1) draw by Box–Muller; 1 − U keeps the logarithm's argument in (0, 1].</summary>
    public static double Standard(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
