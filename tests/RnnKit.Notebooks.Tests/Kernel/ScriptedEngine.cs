using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using RnnKit.Notebooks.Kernel;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>
/// A test double for the protocol tests: each line of a "cell" is a command (print:TEXT, warn:TEXT, show:TEXT,
/// update:TEXT, result:TEXT, fail:MESSAGE, block) so the kernel's message flow can be checked exactly without C#
/// compilation. The end-to-end tests run the real engine.
/// </summary>
internal sealed class ScriptedEngine : IKernelEngine
{
    private readonly SemaphoreSlim _interrupted = new(0);

    public List<string> Executed { get; } = [];

    public TaskCompletionSource Blocked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<CellOutcome> ExecuteAsync(string code, IKernelOutputSink sink)
    {
        Executed.Add(code);
        DisplayOutput? result = null;
        foreach (var line in code.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (command, argument) = line.IndexOf(':') is var colon and >= 0 ? (line[..colon], line[(colon + 1)..]) : (line, "");
            switch (command)
            {
                case "print": sink.Stream("stdout", argument + "\n"); break;
                case "warn": sink.Stream("stderr", argument + "\n"); break;
                case "show": sink.Display(new DisplayOutput(Plain(argument), DisplayId: "d1")); break;
                case "update": sink.UpdateDisplay(new DisplayOutput(Plain(argument), DisplayId: "d1")); break;
                case "result": result = new DisplayOutput(Plain(argument), ExecutionCount: 0); break;
                case "fail": return CellOutcome.Failed(new ErrorOutput("System.Exception", argument, [$"System.Exception: {argument}"]));
                case "block":
                    Blocked.TrySetResult();
                    await _interrupted.WaitAsync();
                    return CellOutcome.Failed(new ErrorOutput("OperationCanceledException", "interrupted", ["interrupted"]));
            }
        }
        return CellOutcome.Ok(result);
    }

    public void Interrupt() => _interrupted.Release();

    public Compilation CompileForAnalysis(string code) => CSharpScript.Create(code).GetCompilation();

    public void Dispose() => _interrupted.Dispose();

    private static Dictionary<string, string> Plain(string text) => new() { ["text/plain"] = text };
}
