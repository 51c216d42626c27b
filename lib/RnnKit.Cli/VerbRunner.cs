using RnnKit.Notebooks.Model;

namespace RnnKit.Cli;

/// <summary>Dispatches `rnnkit VERB ARGS…` to the verb of that name and turns failures into exit codes.</summary>
public static class VerbRunner
{
    public static IReadOnlyList<IVerb> Verbs { get; } = typeof(VerbRunner).Assembly.GetTypes()
        .Where(t => typeof(IVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IVerb)Activator.CreateInstance(t)!)
        .OrderBy(v => v.Name, StringComparer.Ordinal)
        .ToArray();

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
            return Help(args.Skip(1).FirstOrDefault(), stdout, stderr);
        if (args[0] == "--version")
        {
            stdout.WriteLine(typeof(VerbRunner).Assembly.GetName().Version);
            return ExitCodes.Ok;
        }

        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            stderr.WriteLine($"rnnkit: unknown verb '{args[0]}'. Verbs: {string.Join(", ", Verbs.Select(v => v.Name))}.");
            return ExitCodes.Usage;
        }
        var rest = args[1..];
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            stdout.WriteLine(verb.Usage);
            return ExitCodes.Ok;
        }
        try
        {
            return await verb.RunAsync(rest, stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"rnnkit {verb.Name}: {e.Message}");
            stderr.WriteLine(verb.Usage);
            return ExitCodes.Usage;
        }
        catch (CliException e)
        {
            stderr.WriteLine($"rnnkit {verb.Name}: {e.Message}");
            return e.ExitCode;
        }
        catch (NotebookInputException e)
        {
            stderr.WriteLine($"rnnkit {verb.Name}: {e.Message}");
            return ExitCodes.Error;
        }
        catch (IOException e) when (Platform.FileInUse.Is(e))
        {
            stderr.WriteLine($"rnnkit {verb.Name}: {Platform.FileInUse.Explain(e)}");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written (read-only mount, no permission, disk full): .NET's message names the path.
            stderr.WriteLine($"rnnkit {verb.Name}: cannot read or write a file: {e.Message}");
            return ExitCodes.Error;
        }
    }

    private static int Help(string? verbName, TextWriter stdout, TextWriter stderr)
    {
        if (verbName is not null)
        {
            var verb = Verbs.FirstOrDefault(v => v.Name == verbName);
            if (verb is null)
            {
                stderr.WriteLine($"rnnkit: unknown verb '{verbName}'.");
                return ExitCodes.Usage;
            }
            stdout.WriteLine(verb.Usage);
            return ExitCodes.Ok;
        }
        stdout.WriteLine("rnnkit — the RnnKit course kit: run, export and grade the recurrent-network lessons.");
        stdout.WriteLine();
        stdout.WriteLine("usage: rnnkit VERB [ARGS…]   (rnnkit help VERB for details)");
        stdout.WriteLine();
        var width = Verbs.Count == 0 ? 0 : Verbs.Max(v => v.Name.Length);
        foreach (var v in Verbs)
            stdout.WriteLine($"  {v.Name.PadRight(width)}  {v.Summary}");
        return ExitCodes.Ok;
    }
}

/// <summary>
/// A failure the user can act on (bad file, bad JSON, hash mismatch): the message names what and where, and the
/// runner prints it without a stack trace and exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Error) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
