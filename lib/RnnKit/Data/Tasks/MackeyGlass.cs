using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="MackeyGlass"/>; the defaults are the classic chaotic series (τ = 17).</summary>
public sealed record MackeyGlassOptions
{
    /// <summary>Number of series, each from its own initial history.</summary>
    public int Count { get; init; } = 4;

    /// <summary>Samples per series.</summary>
    public int Length { get; init; } = 2000;

    /// <summary>τ, the delay; above about 16.8 the series is chaotic.</summary>
    public double Tau { get; init; } = 17;

    /// <summary>β in dx/dt = β·x(t−τ) / (1 + x(t−τ)ⁿ) − γ·x(t).</summary>
    public double Beta { get; init; } = 0.2;

    /// <summary>γ, the decay.</summary>
    public double Gamma { get; init; } = 0.1;

    /// <summary>n, the exponent (a whole number, so xⁿ is exact repeated multiplication on every machine).</summary>
    public int Exponent { get; init; } = 10;

    /// <summary>h, the Runge–Kutta step; τ/h must be a whole number so the delayed values fall on the grid.</summary>
    public double Step { get; init; } = 0.1;

    /// <summary>Time between two samples (a whole number of steps).</summary>
    public double SampleEvery { get; init; } = 1.0;

    /// <summary>Time integrated and thrown away before the first sample, so the start is on the attractor.</summary>
    public double Transient { get; init; } = 500;

    /// <summary>Values are rounded to this many decimals, so the file holds exactly what the API returns.</summary>
    public int Decimals { get; init; } = 6;

    public int Seed { get; init; } = 110;
}

/// <summary>One Mackey–Glass series: x sampled every <see cref="SampleEvery"/> time units after the transient.</summary>
/// <param name="History">x(t) = History for t ≤ 0, the initial condition this series started from.</param>
/// <param name="SampleEvery">Time between two samples.</param>
/// <param name="Values">x at the sample times, the first after the transient.</param>
public sealed record MackeyGlassSeries(double History, double SampleEvery, double[] Values) : IJsonLine
{
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteNumber("history", History);
        json.WriteNumber("sample_every", SampleEvery);
        Json.WriteArray(json, "values", Values);
    }
}

/// <summary>
/// The Mackey–Glass delay differential equation (Mackey &amp; Glass 1977), dx/dt = β·x(t−τ) / (1 + x(t−τ)ⁿ) − γ·x(t),
/// a chaotic series used to test echo-state networks since Jaeger (2001). Integrator: classic fourth-order
/// Runge–Kutta with step h on a grid where τ is a whole number of steps; the delayed value at a half step,
/// x(t − τ + h/2), is the mean of its two grid neighbours (linear interpolation, error O(h²)). The initial
/// history is constant, x(t) = x₀ for t ≤ 0, with x₀ ~ U(1.1, 1.3) drawn from the seed for each series. Only
/// +, −, ×, ÷ are used, so the series are the same bits on every machine.
/// </summary>
public static class MackeyGlass
{
    public static IReadOnlyList<MackeyGlassSeries> Generate(MackeyGlassOptions? options = null)
    {
        options ??= new MackeyGlassOptions();
        var delaySteps = WholeSteps(options.Tau, options.Step, nameof(options.Tau));
        var sampleSteps = WholeSteps(options.SampleEvery, options.Step, nameof(options.SampleEvery));
        var transientSteps = (int)Math.Round(options.Transient / options.Step);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Length, 1, nameof(options.Length));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Exponent, 1, nameof(options.Exponent));
        ArgumentOutOfRangeException.ThrowIfNegative(transientSteps, nameof(options.Transient));
        var random = SeededRandom.Create(options.Seed);
        var series = new MackeyGlassSeries[options.Count];
        for (var i = 0; i < series.Length; i++)
        {
            var history = Math.Round(random.Uniform(1.1, 1.3), options.Decimals);
            var values = Integrate(options, history, delaySteps, sampleSteps, transientSteps);
            series[i] = new MackeyGlassSeries(history, options.SampleEvery, values);
        }
        return series;
    }

    /// <summary>
    /// RK4 over a ring buffer holding the last τ/h + 1 grid values: x[k − d] is the delayed value of step k.
    /// </summary>
    private static double[] Integrate(MackeyGlassOptions o, double history, int delaySteps, int sampleSteps, int transientSteps)
    {
        var ring = new double[delaySteps + 1];
        Array.Fill(ring, history);
        var head = 0; // ring[head] = x at the current grid point k; ring[(head + 1) % len] = x at k − delaySteps
        var h = o.Step;
        double F(double x, double delayed) => o.Beta * delayed / (1 + Power(delayed, o.Exponent)) - o.Gamma * x;

        var values = new double[o.Length];
        var totalSteps = transientSteps + (o.Length - 1) * sampleSteps;
        var sampled = 0;
        for (var k = 0; ; k++)
        {
            if (k >= transientSteps && (k - transientSteps) % sampleSteps == 0)
            {
                values[sampled++] = Math.Round(ring[head], o.Decimals);
                if (k == totalSteps)
                    break;
            }
            var x = ring[head];
            var delayedNow = ring[(head + 1) % ring.Length];
            var delayedNext = ring[(head + 2) % ring.Length];
            var delayedHalf = (delayedNow + delayedNext) / 2;
            var k1 = F(x, delayedNow);
            var k2 = F(x + h / 2 * k1, delayedHalf);
            var k3 = F(x + h / 2 * k2, delayedHalf);
            var k4 = F(x + h * k3, delayedNext);
            var next = x + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            head = (head + 1) % ring.Length;
            ring[head] = next; // overwrites x at k − delaySteps, no longer needed
        }
        return values;
    }

    /// <summary>xⁿ by repeated squaring: exactly the same bits everywhere, unlike Math.Pow.</summary>
    private static double Power(double x, int n)
    {
        var result = 1.0;
        for (var square = x; n > 0; n >>= 1, square *= square)
            if ((n & 1) == 1)
                result *= square;
        return result;
    }

    private static int WholeSteps(double span, double step, string what)
    {
        if (!(step > 0) || !(span > 0))
            throw new ArgumentOutOfRangeException(what, span, $"{what} and Step must be positive, not {span} and {step}");
        var steps = (int)Math.Round(span / step);
        if (Math.Abs(steps * step - span) > 1e-9 * span)
            throw new ArgumentException($"{what} = {span} must be a whole number of steps of {step}", what);
        return steps;
    }
}
