using System.Globalization;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Cli.Verbs;

/// <summary>
/// `rnnkit run`: executes notebooks headlessly, writes the executed copies and a JSON report. Progress goes to
/// stderr. Exit 0 when every cell is ok, 2 when a cell failed or timed out, 1 when a notebook cannot be read.
/// </summary>
public sealed class RunVerb : IVerb
{
    /// <summary>Where executed copies go without --out: a build product we own, so it is written over without --force.</summary>
    public const string DefaultOut = "build/executed";

    public string Name => "run";

    public string Summary => "execute notebooks headlessly; executed copies and a JSON report";

    public string Usage => $"""
        usage: rnnkit run <notebook or folder>… [--out DIR] [--report FILE] [--timeout S] [--continue-on-error] [--force]
                       [--seed N] [--short-training] [--claims check|report]

          Executes each notebook (a folder: its *.ipynb, sorted) in a fresh C# session, in the notebook's folder.
          --out DIR             executed copies (default {DefaultOut}/, reused freely; any other non-empty DIR needs --force)
          --report FILE         JSON report: per notebook and per cell status and seconds
          --timeout S           seconds one cell may run (default {RunOptions.DefaultCellTimeout.TotalSeconds:0})
          --continue-on-error   run the cells after a failing one (default: stop the notebook there)
          --force               write into a non-empty --out folder
        {KitOptions.Usage}
        exit: 0 all cells ok, 2 a cell failed or timed out, 1 a notebook could not be read, 64 bad command line
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var reader = new ArgReader(args, ["--out", "--report", "--timeout", .. KitOptions.ValueOptions],
            ["--continue-on-error", "--force", .. KitOptions.Flags]);
        if (reader.Positionals.Count == 0)
            throw new UsageException("give at least one notebook or folder");
        var notebooks = Inputs(reader.Positionals);
        using var kit = KitSettings.Use(KitOptions.Read(reader));
        var timeout = reader.GetSeconds("--timeout", RunOptions.DefaultCellTimeout.TotalSeconds, min: 0.001);
        var options = new RunOptions
        {
            CellTimeout = timeout,
            ContinueOnError = reader.Has("--continue-on-error"),
        };
        var outArg = reader.Get("--out");
        var outFolder = outArg is null
            ? Directory.CreateDirectory(DefaultOut).FullName
            : OutputFolder.Prepare(outArg, reader.Has("--force"));
        if (notebooks.FirstOrDefault(n => Path.GetDirectoryName(Path.GetFullPath(n)) == outFolder.TrimEnd(Path.DirectorySeparatorChar)) is { } source)
            throw new CliException($"--out {outFolder}: is the folder of {source}; its executed copy would overwrite it");
        var reportPath = reader.Get("--report");

        var reports = new List<NotebookReport>();
        var unreadable = false;
        var progress = new Progress(stderr);
        foreach (var file in notebooks)
        {
            stderr.WriteLine($"{file}: running");
            var run = await NotebookFileRun.RunAsync(file, outFolder, options, progress);
            reports.Add(run.Report);
            if (run.Executed is null)
            {
                stderr.WriteLine($"rnnkit run: {run.Report.Error}");
                unreadable = true;
                continue;
            }
            stderr.WriteLine(Outcome(run.Report, run.Executed.Path!));
            foreach (var claim in run.Report.Claims.Where(c => !c.Claim.Held))
                stderr.WriteLine($"  cell {claim.Index}: {claim.Claim}");
        }

        if (reportPath is not null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(reportPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(reportPath, NotebookReport.ToJson(reports));
        }
        var failed = reports.Count(r => !r.Succeeded);
        stdout.WriteLine($"{reports.Count - failed} of {reports.Count} notebooks ok; executed copies in {outFolder}");
        return unreadable ? ExitCodes.Error : failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>The notebooks named (<see cref="NotebookFiles.Find"/>); two with one file name would overwrite one executed copy.</summary>
    private static List<string> Inputs(IEnumerable<string> paths)
    {
        var files = NotebookFiles.Find(paths).Select(f => f.Path).ToList();
        var clash = files.GroupBy(f => Path.GetFileName(f), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new CliException($"two notebooks would be written to the same file {clash.Key}: {string.Join(", ", clash)}");
        return files;
    }

    private static string Outcome(NotebookReport report, string target)
    {
        var seconds = report.Seconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (report.FirstFailure is { } f)
            return $"{report.Path}: FAILED at cell {f.Index} ({f.Status.ToWire()}): {f.Error?.Split('\n')[0]} [{seconds} s] -> {target}";
        return $"{report.Path}: ok, {report.Cells.Count} cells [{seconds} s] -> {target}";
    }

    /// <summary>One stderr line per cell: notebook, cell i/n, status, cell time and elapsed.</summary>
    private sealed class Progress(TextWriter stderr) : IProgress<RunProgress>
    {
        public void Report(RunProgress p) => stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Path.GetFileName(p.Notebook)}: cell {p.Cell}/{p.CellCount} {p.Result.Status.ToWire()} {p.Result.Elapsed.TotalSeconds:0.00} s (elapsed {p.Elapsed.TotalSeconds:0.0} s)"));
    }
}
