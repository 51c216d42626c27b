namespace RnnKit.Cli;

/// <summary>
/// A small, strict command-line reader: options are `--name value` or `--flag`; anything unknown is a
/// <see cref="UsageException"/> so a typo never silently changes what runs.
/// </summary>
public sealed class ArgReader
{
    private readonly List<string> _positionals = [];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    /// <param name="args">The arguments after the verb.</param>
    /// <param name="valueOptions">Options that take a value, e.g. "--out".</param>
    /// <param name="flags">Options that take none, e.g. "--force".</param>
    public ArgReader(string[] args, IEnumerable<string> valueOptions, IEnumerable<string>? flags = null)
    {
        var withValue = valueOptions.ToHashSet(StringComparer.Ordinal);
        var flagSet = (flags ?? []).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) || (a.StartsWith('-') && a.Length == 2 && !char.IsDigit(a[1])))
            {
                var eq = a.IndexOf('=');
                var name = eq > 0 ? a[..eq] : a;
                if (withValue.Contains(name))
                {
                    if (eq > 0) _options[name] = a[(eq + 1)..];
                    else if (i + 1 < args.Length) _options[name] = args[++i];
                    else throw new UsageException($"option {name} needs a value");
                }
                else if (flagSet.Contains(name) && eq < 0)
                    _options[name] = null;
                else
                    throw new UsageException($"unknown option '{a}'");
            }
            else
                _positionals.Add(a);
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Get(string name, string fallback) => _options.GetValueOrDefault(name) ?? fallback;

    /// <summary>An integer option; a non-integer or out-of-range value is a usage error naming the option.</summary>
    public int GetInt(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Get(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v))
            throw new UsageException($"{name} must be an integer, got '{text}'");
        if (v < min || v > max)
            throw new UsageException($"{name} must be between {min} and {max}, got {v}");
        return v;
    }

    /// <summary>A number option (seconds, rates); a non-number is a usage error naming the option.</summary>
    public double GetDouble(string name, double fallback, double min = double.NegativeInfinity)
    {
        var text = Get(name);
        if (text is null) return fallback;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || double.IsNaN(v))
            throw new UsageException($"{name} must be a number, got '{text}'");
        if (v < min)
            throw new UsageException($"{name} must be at least {min}, got {v}");
        return v;
    }

    /// <summary>The longest time a <see cref="GetSeconds"/> option accepts: a day (a cell, a test — never longer).</summary>
    public const double MaxSeconds = 24 * 3600;

    /// <summary>A duration in seconds: finite, at least <paramref name="min"/>, at most <see cref="MaxSeconds"/>.</summary>
    public TimeSpan GetSeconds(string name, double fallback, double min)
    {
        var v = GetDouble(name, fallback, min);
        if (!double.IsFinite(v) || v > MaxSeconds)
            throw new UsageException($"{name} must be at most {MaxSeconds:0} seconds (a day), got '{Get(name)}'");
        return TimeSpan.FromSeconds(v);
    }
}
