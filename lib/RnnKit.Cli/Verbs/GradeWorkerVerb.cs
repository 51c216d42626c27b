using System.Globalization;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;

namespace RnnKit.Cli.Verbs;

/// <summary>
/// `rnnkit grade-worker`: internal, started by `rnnkit grade` once per submission. Runs one grading notebook cell
/// by cell and appends one JSON line per cell to the results file, so the grader can stop it, or survive it dying.
/// </summary>
public sealed class GradeWorkerVerb : IVerb
{
    public const string VerbName = "grade-worker";

    public string Name => VerbName;

    public string Summary => "internal: runs one submission for `rnnkit grade`";

    public string Usage => """
        usage: rnnkit grade-worker GRADING.ipynb --results FILE --timeout S [--cwd DIR]
          Internal (started by rnnkit grade): runs every code cell of a grading notebook and appends one line
          {"cell": N, "status": "ok"|"error"|"timeout", "error": …} per cell to FILE.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--results", "--timeout", "--cwd"]);
        if (reader.Positionals.Count != 1)
            throw new UsageException("give exactly one grading notebook");
        var results = reader.Get("--results") ?? throw new UsageException("--results FILE is required");
        var timeout = reader.GetSeconds("--timeout", new GradeOptions().CellTimeout.TotalSeconds, min: 0.001);
        var notebook = Notebook.Load(reader.Positionals[0]);
        await using var writer = new StreamWriter(new FileStream(results, FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        await GradingSession.RunAsync(notebook, timeout, reader.Get("--cwd"), writer);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grade-worker: ran {notebook.CodeCells.Count()} code cells"));
        return ExitCodes.Ok;
    }
}
