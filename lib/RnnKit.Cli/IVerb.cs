namespace RnnKit.Cli;

/// <summary>
/// One `rnnkit` verb. Each verb lives in its own file under Verbs/ and is found by reflection, so adding a
/// verb never touches a shared list.
/// </summary>
public interface IVerb
{
    /// <summary>The word typed after `rnnkit`, e.g. "run".</summary>
    string Name { get; }

    /// <summary>One line for `rnnkit help`.</summary>
    string Summary { get; }

    /// <summary>Full usage text, printed by `rnnkit help VERB` and on usage errors.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns one of <see cref="ExitCodes"/>.</summary>
    Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr);
}

/// <summary>Thrown for a wrong command line; the runner prints the message and the verb's usage, exits 64.</summary>
public sealed class UsageException(string message) : Exception(message);
