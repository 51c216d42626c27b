using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Kernel;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>
/// A test double for the protocol tests: each line of a "cell" is a command (print:TEXT, warn:TEXT, show:TEXT,
/// update:TEXT, clear, clear:wait, flood:N (N numbered lines), input (reads a line and prints it), result:TEXT,
/// fail:MESSAGE, block) so the kernel's message flow can be checked exactly without C# compilation. The end-to-end
/// tests run the real engine.
/// </summary>
internal sealed class ScriptedEngine : IKernelEngine
{
    private readonly SemaphoreSlim _interrupted = new(0);
    private int _count;

    public List<string> Executed { get; } = [];

    public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<CellResult> ExecuteAsync(string code, IOutputSink sink)
    {
        Executed.Add(code);
        var count = ++_count;
        foreach (var line in code.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (command, argument) = line.IndexOf(':') is var colon and >= 0 ? (line[..colon], line[(colon + 1)..]) : (line, "");
            switch (command)
            {
                case "print": sink.Add(new StreamOutput("stdout", argument + "\n")); break;
                case "warn": sink.Add(new StreamOutput("stderr", argument + "\n")); break;
                case "show": sink.Add(new DisplayOutput(Plain(argument), DisplayId: "d1")); break;
                case "update": sink.Update(new DisplayOutput(Plain(argument), DisplayId: "d1")); break;
                case "clear": sink.Add(new ClearOutput(argument == "wait")); break;
                case "flood":
                    for (var i = 0; i < int.Parse(argument); i++) sink.Add(new StreamOutput("stdout", $"line {i}\n"));
                    break;
                case "input":
                    string typed;
                    try
                    {
                        typed = await Task.Run(() => ((IInputSource)sink).ReadLine(CancellationToken.None));
                    }
                    catch (InvalidOperationException e)
                    {
                        return Failed(sink, count, nameof(InvalidOperationException), e.Message);
                    }
                    sink.Add(new StreamOutput("stdout", $"typed {typed}\n"));
                    break;
                case "result": sink.Add(new DisplayOutput(Plain(argument), ExecutionCount: count)); break;
                case "fail": return Failed(sink, count, "System.Exception", argument);
                case "block":
                    Blocked.TrySetResult();
                    await _interrupted.WaitAsync();
                    sink.Add(new ErrorOutput("OperationCanceledException", "interrupted", ["interrupted"]));
                    return new CellResult(count, CellStatus.Interrupted, TimeSpan.Zero, "interrupted");
            }
        }
        return new CellResult(count, CellStatus.Ok, TimeSpan.Zero);
    }

    public void Interrupt() => _interrupted.Release();

    public Compilation CompileForAnalysis(string code) => CSharpScript.Create(code).GetCompilation();

    public void Dispose() => _interrupted.Dispose();

    private static CellResult Failed(IOutputSink sink, int count, string name, string message)
    {
        sink.Add(new ErrorOutput(name, message, [$"{name}: {message}"]));
        return new CellResult(count, CellStatus.Error, TimeSpan.Zero, message);
    }

    private static Dictionary<string, string> Plain(string text) => new() { ["text/plain"] = text };
}
