using RnnKit.Notebooks.Exercises;

namespace RnnKit.Cli.Verbs;

/// <summary>`rnnkit student`: student versions of the teacher's notebooks (see lib/RnnKit.Notebooks/Exercises/README.md).</summary>
public sealed class StudentVerb : IVerb
{
    public string Name => "student";

    public string Summary => "student versions: solutions replaced by stubs, hidden tests removed, outputs cleared";

    public string Usage => """
        usage: rnnkit student <folder or notebook.ipynb>… --out DIR [--force]
          Writes the student version of every notebook (solutions between // BEGIN SOLUTION and // END SOLUTION
          become stubs that throw "Exercise ID: not done yet", hidden tests are removed, outputs cleared) and
          copies every other file of the folders given, keeping relative paths.
          --out DIR   where to write (must be empty or new)
          --force     write into a non-empty --out
        """;

    public Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--out"], ["--force"]);
        if (reader.Positionals.Count == 0)
            throw new UsageException("give at least one notebook or folder");
        var outArg = reader.Get("--out") ?? throw new UsageException("--out DIR is required");
        if (StudentCopy.IsInside(outArg, reader.Positionals))
            throw new UsageException($"--out {outArg} overlaps an input (is, contains or lies inside its folder); write the student versions somewhere else");

        var copy = StudentCopy.Plan(reader.Positionals);
        var outFolder = OutputFolder.Prepare(outArg, reader.Has("--force"));
        foreach (var line in copy.Write(outFolder))
            stdout.WriteLine(line);
        stdout.WriteLine($"student versions written to {outFolder}");
        return Task.FromResult(ExitCodes.Ok);
    }
}
