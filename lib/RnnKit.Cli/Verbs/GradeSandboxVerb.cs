using RnnKit.Notebooks.Exercises.Remote;
using RnnKit.Notebooks.Model;

namespace RnnKit.Cli.Verbs;

/// <summary>
/// `rnnkit grade-sandbox`: internal, started by `grade-worker` inside the sandbox. Holds the student's notebook and
/// answers the worker's requests on stdin/stdout (<see cref="SandboxHost"/>); the student's own console output goes
/// to stderr, so it cannot mix with the messages.
/// </summary>
public sealed class GradeSandboxVerb : IVerb
{
    public const string VerbName = "grade-sandbox";

    public string Name => VerbName;

    public string Summary => "internal: runs a student's notebook for `rnnkit grade-worker`";

    public string Usage => """
        usage: rnnkit grade-sandbox SUBMISSION.ipynb --timeout S [--threads N]
          Internal (started by rnnkit grade-worker inside the sandbox): runs student cells and calls student
          methods as the worker asks on stdin, one JSON message per line, and answers on stdout.
          --threads N   threads a cell or call may leave running; more, or none left to start, and the
                        worker is told to start a new sandbox without it
        """;

    public Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--timeout", "--threads"]);
        if (reader.Positionals.Count != 1)
            throw new UsageException("give exactly one submission");
        var timeout = reader.GetSeconds("--timeout", 60, min: 0.001);
        var threads = reader.GetInt("--threads", new SandboxLimits().LingeringThreads, min: 1);
        var student = Notebook.Load(reader.Positionals[0]);
        var channelOut = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        SandboxHost.Run(student, timeout, Environment.CurrentDirectory, Console.OpenStandardInput(), channelOut, threads);
        return Task.FromResult(ExitCodes.Ok);
    }
}
