namespace RnnKit.Cli;

/// <summary>
/// The run-wide lesson settings on the command line of <c>run</c> and <c>build</c> (<see cref="KitSettings"/>):
/// <c>--seed N</c> shifts every random source of every lesson, <c>--short-training</c> divides every training
/// length by <see cref="Kit.ShortTrainingDivisor"/>, <c>--claims report</c> shows failed claims without failing
/// their cells. Options not given keep what the environment says.
/// </summary>
public static class KitOptions
{
    public static readonly string[] ValueOptions = ["--seed", "--claims"];
    public static readonly string[] Flags = ["--short-training"];

    public const string Usage = """
          --seed N          shift every lesson's random seeds (0 keeps them; RNNKIT_SEED does the same)
          --short-training  divide every training length by 10, so claims about trained results must fail
          --claims MODE     'check' (default): a failed claim fails its cell; 'report': shown, not failed
        """;

    /// <summary>The settings the command line asks for, over the environment's.</summary>
    public static KitSettings Read(ArgReader reader)
    {
        KitSettings settings;
        try
        {
            settings = KitSettings.FromEnvironment();
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
        if (reader.Get("--seed") is not null)
            settings = settings with { Seed = reader.GetInt("--seed", 0, min: 0, max: Kit.MaxRunSeed) };
        if (reader.Has("--short-training"))
            settings = settings with { ShortTraining = true };
        settings = reader.Get("--claims") switch
        {
            null => settings,
            "check" => settings with { ClaimsReportOnly = false },
            "report" => settings with { ClaimsReportOnly = true },
            var other => throw new UsageException($"--claims must be 'check' or 'report', got '{other}'"),
        };
        return settings;
    }
}
