using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RnnKit.Fast;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// One notebook's C# state: Roslyn script submissions chained cell after cell, speaking the .NET Interactive C#
/// dialect (default usings, top-level await, <c>display</c>, <c>#!time</c>, <c>#r</c>; see README.md next to this
/// file). Cells run one at a time; outputs go to the <see cref="IOutputSink"/> given per cell. The notebook runner,
/// the Jupyter kernel and the grader all execute through this class.
/// </summary>
public sealed partial class CSharpSession : IDisposable
{
    /// <summary>The usings every cell starts with, as in .NET Interactive, plus the display functions.</summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        "RnnKit.Notebooks.Formatting", typeof(DisplayFunctions).FullName!,
    ];

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private static readonly SemaphoreSlim s_currentDirectory = new(1, 1);

    private readonly SemaphoreSlim _oneCellAtATime = new(1, 1);
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private volatile bool _interruptRequested;
    private int _displayCount;
    private readonly NumericSettings _numericSettings = NumericSettings.Capture();

    public CSharpSession(SessionOptions? options = null)
    {
        Options = options ?? new SessionOptions();
        ClaimDisplay.Install();
        ScriptOptions = ScriptOptions.Default
            .WithReferences(KitReferences.All)
            .WithImports(DefaultImports)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(true)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8);
    }

    public SessionOptions Options { get; }

    /// <summary>How many times <see cref="ExecuteAsync"/> was called (Jupyter's execution count).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The script state after the last cell that compiled (null before the first); for completion and inspection.</summary>
    public ScriptState<object>? State { get; private set; }

    /// <summary>The options the next cell compiles with (references grow with <c>#r "path.dll"</c>).</summary>
    public ScriptOptions ScriptOptions { get; private set; }

    /// <summary>The compilation of the last cell that compiled, which sees every earlier declaration; null before the first.</summary>
    public Compilation? Compilation => State?.Script.GetCompilation();

    /// <summary>
    /// <paramref name="code"/> compiled, not run, as the next cell would be: chained after the last cell that compiled,
    /// with the session's references and usings. For completion and inspection (its last syntax tree is the cell);
    /// directives are not interpreted, so give it C# only.
    /// </summary>
    public Compilation Analyze(string code)
    {
        var script = State is null
            ? CSharpScript.Create<object>(code, ScriptOptions)
            : State.Script.ContinueWith<object>(code, ScriptOptions);
        return script.GetCompilation();
    }

    /// <summary>Parse options of cells (script kind, latest C#), for tools that parse cell text as the engine does.</summary>
    public static CSharpParseOptions ParseOptions => s_parseOptions;

    /// <summary>
    /// Runs one cell. Never throws for the cell's own faults: directive problems, compile errors, exceptions, timeouts
    /// and interrupts become an error output and the returned status; the next cell can always run.
    /// </summary>
    /// <param name="code">The cell's text, directives included.</param>
    /// <param name="sink">Receives the cell's outputs as they happen.</param>
    /// <param name="label">How messages name the cell, e.g. "cell 4"; default "cell N" with N the execution count.</param>
    /// <param name="cancellationToken">Stops the cell like <see cref="Interrupt"/>.</param>
    public async Task<CellResult> ExecuteAsync(string code, IOutputSink sink, string? label = null, CancellationToken cancellationToken = default)
    {
        await _oneCellAtATime.WaitAsync(cancellationToken);
        try
        {
            var count = ++ExecutionCount;
            label ??= RnnKit.Exercises.Feedback.CellLabel(count);
            var clock = Stopwatch.StartNew();
            var (status, error) = await RunAsync(code, sink, label, count, cancellationToken);
            return new CellResult(count, status, clock.Elapsed, error);
        }
        finally
        {
            _oneCellAtATime.Release();
        }
    }

    /// <summary>Stops the running cell (if any): its loops stop at their next iteration and its awaits are abandoned.</summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            _interruptRequested = true;
            _running?.Cancel();
        }
    }

    /// <summary>Stops a running cell and puts back the numeric settings the notebook changed (<see cref="NumericSettings"/>).</summary>
    public void Dispose()
    {
        Interrupt();
        _oneCellAtATime.Dispose();
        _numericSettings.Restore();
    }

    private async Task<(CellStatus, string?)> RunAsync(string code, IOutputSink sink, string label, int count, CancellationToken cancellationToken)
    {
        var directives = CellDirectives.Parse(code);
        if (directives.Problem is var (line, message))
            return Fail(sink, CellErrors.Directive(label, line, message));
        if (ResolveReferences(directives, label) is { } referenceError)
            return Fail(sink, referenceError);
        if (directives.IsEmpty)
            return (CellStatus.Ok, null);

        var clock = Stopwatch.StartNew();
        var instrumented = LoopInstrumenter.Instrument(directives.Code, s_parseOptions);
        var options = ScriptOptions.WithFilePath(label);
        var script = State is null
            ? CSharpScript.Create<object>(instrumented.Text, options)
            : State.Script.ContinueWith<object>(instrumented.Text, options);
        var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
            return Fail(sink, CellErrors.Compile(label, errors, directives.Code, instrumented));

        var (status, error) = await RunCompiledAsync(script, sink, label, count, cancellationToken);
        if (directives.Time)
            sink.Add(new StreamOutput("stdout", WallTime(clock.Elapsed)));
        return (status, error);
    }

    private string? ResolvedPath(string path) =>
        Path.GetFullPath(path, Options.WorkingDirectory ?? Environment.CurrentDirectory);

    /// <summary>Checks <c>#r</c> directives and adds the files they name to the references; an error output or null.</summary>
    private ErrorOutput? ResolveReferences(CellDirectives directives, string label)
    {
        foreach (var (line, name, version) in directives.Packages)
            if (PinnedPackages.Problem(name, version) is { } problem)
                return CellErrors.Directive(label, line, problem);
        foreach (var (line, path) in directives.Files)
        {
            if (KitReferences.Provides(path)) continue;
            var full = ResolvedPath(path)!;
            if (!File.Exists(full))
                return CellErrors.Directive(label, line, $"#r \"{path}\": file not found: {full}");
            ScriptOptions = ScriptOptions.AddReferences(MetadataReference.CreateFromFile(full));
        }
        return null;
    }

    /// <summary>.NET Interactive's <c>#!time</c> line.</summary>
    internal static string WallTime(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 1
            ? string.Create(CultureInfo.InvariantCulture, $"Wall time: {elapsed.TotalMilliseconds:0.###}ms\n")
            : string.Create(CultureInfo.InvariantCulture, $"Wall time: {elapsed.TotalSeconds:0.###}s\n");

    private static (CellStatus, string?) Fail(IOutputSink sink, ErrorOutput error)
    {
        sink.Add(error);
        return (CellStatus.Error, error.Value);
    }
}
