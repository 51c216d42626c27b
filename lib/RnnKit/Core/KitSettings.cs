using System.Globalization;

namespace RnnKit;

/// <summary>
/// The run-wide settings every lesson reads through <see cref="Kit"/>: which seed shifts all random sources, whether
/// training is cut short, whether a failed claim stops the cell. They come from the environment (so a kernel, a
/// grading worker and <c>rnnkit run</c> agree) unless a caller scopes others with <see cref="Use"/>.
/// </summary>
/// <param name="Seed">The run's seed (<c>--seed N</c>, <c>RNNKIT_SEED</c>); null or 0 keeps every lesson's own seeds.</param>
/// <param name="ShortTraining">Every <see cref="Kit.Steps"/> count divided by <see cref="Kit.ShortTrainingDivisor"/> (<c>RNNKIT_SHORT_TRAINING=1</c>).</param>
/// <param name="ClaimsReportOnly">A failed claim is shown but does not throw (<c>RNNKIT_CLAIMS=report</c>).</param>
/// <param name="Language">The language of the feedback the kit writes — exercise checks, failed claims — as a notebook's
/// metadata names it: <see cref="English"/> (the default) or <see cref="Chinese"/> (<c>RNNKIT_LANGUAGE=zh-Hans</c>).
/// <c>rnnkit run</c>, <c>build</c> and <c>grade</c> set it from each notebook's <c>rnnkit.language</c>; a Jupyter kernel
/// reads the environment (docs/translating.md).</param>
public sealed record KitSettings(int? Seed = null, bool ShortTraining = false, bool ClaimsReportOnly = false, string Language = KitSettings.English)
{
    public const string SeedVariable = "RNNKIT_SEED";
    public const string ShortTrainingVariable = "RNNKIT_SHORT_TRAINING";
    public const string ClaimsVariable = "RNNKIT_CLAIMS";
    public const string LanguageVariable = "RNNKIT_LANGUAGE";

    /// <summary>English, the course's first language (a notebook without <c>rnnkit.language</c>).</summary>
    public const string English = "en";

    /// <summary>Simplified Chinese, the language of the <c>.zh.ipynb</c> twins.</summary>
    public const string Chinese = "zh-Hans";

    /// <summary>True when feedback is written in Chinese.</summary>
    public bool InChinese => Language == Chinese;

    private static readonly AsyncLocal<KitSettings?> s_scoped = new();

    /// <summary>The settings in force here: the innermost <see cref="Use"/>, else the environment's.</summary>
    public static KitSettings Current => s_scoped.Value ?? FromEnvironment();

    /// <summary>The settings the environment variables give.</summary>
    /// <exception cref="ArgumentException">A variable whose value is not understood, named with its value.</exception>
    public static KitSettings FromEnvironment() => new(
        ParseSeed(Environment.GetEnvironmentVariable(SeedVariable)),
        ParseFlag(ShortTrainingVariable, Environment.GetEnvironmentVariable(ShortTrainingVariable)),
        ParseClaims(Environment.GetEnvironmentVariable(ClaimsVariable)),
        ParseLanguage(LanguageVariable, Environment.GetEnvironmentVariable(LanguageVariable)));

    /// <summary>Makes <paramref name="settings"/> current for this flow of control (tasks and threads it starts) until disposed.</summary>
    public static IDisposable Use(KitSettings settings)
    {
        var previous = s_scoped.Value;
        s_scoped.Value = settings;
        return new Restore(() => s_scoped.Value = previous);
    }

    /// <summary>The variables that carry these settings to a child process (a grading worker).</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment() => new Dictionary<string, string>
    {
        [SeedVariable] = Seed?.ToString(CultureInfo.InvariantCulture) ?? "",
        [ShortTrainingVariable] = ShortTraining ? "1" : "",
        [ClaimsVariable] = ClaimsReportOnly ? "report" : "",
        [LanguageVariable] = Language == English ? "" : Language,
    };

    /// <summary>A language the kit writes feedback in: "en" or "zh-Hans" (empty: English).</summary>
    /// <exception cref="ArgumentException">Any other value, named with <paramref name="what"/>.</exception>
    public static string ParseLanguage(string what, string? value) => value?.Trim() switch
    {
        null or "" or English => English,
        Chinese => Chinese,
        _ => throw new ArgumentException($"{what}={value}: expected '{English}' or '{Chinese}'"),
    };

    private static int? ParseSeed(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) && seed >= 0 && seed <= Kit.MaxRunSeed)
            return seed;
        throw new ArgumentException($"{SeedVariable}={value}: expected a whole number from 0 to {Kit.MaxRunSeed}");
    }

    private static bool ParseFlag(string name, string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "0" or "false" => false,
        "1" or "true" => true,
        _ => throw new ArgumentException($"{name}={value}: expected 1 or 0"),
    };

    private static bool ParseClaims(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "check" => false,
        "report" => true,
        _ => throw new ArgumentException($"{ClaimsVariable}={value}: expected 'check' (a failed claim fails its cell) or 'report'"),
    };

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
