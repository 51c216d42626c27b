using Microsoft.CodeAnalysis.Scripting;
using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;
using Words = RnnKit.Exercises.Feedback;

namespace RnnKit.Notebooks.Execution;

/// <summary>Running a compiled cell: on a pool thread, under the cell's context, stoppable by timeout or interrupt.</summary>
public sealed partial class CSharpSession
{
    private async Task<(CellStatus, string?)> RunCompiledAsync(Script<object> script, IOutputSink sink, string label, int count,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.Timeout is { } timeout) stop.CancelAfter(timeout);
        var context = new CellContext(sink, stop.Token, () => $"{count}-{Interlocked.Increment(ref _displayCount)}");
        var previous = State;
        _interruptRequested = false;
        ConsoleCapture.Ensure();

        var directoryHeld = false;
        var directoryBefore = Environment.CurrentDirectory;
        if (Options.WorkingDirectory is { } folder)
        {
            await s_currentDirectory.WaitAsync(cancellationToken);
            directoryHeld = true;
            Environment.CurrentDirectory = folder;
        }
        lock (_gate) _running = stop;
        try
        {
            var (thread, run) = CellThread.Start(() =>
            {
                CellContext.Current = context;
                return previous is null
                    ? script.RunAsync(null, _ => true, CancellationToken.None)
                    : script.RunFromAsync(previous, _ => true, CancellationToken.None);
            });
            using var wake = stop.Token.Register(thread.Interrupt);
            var stopped = Task.Delay(System.Threading.Timeout.Infinite, stop.Token);
            await Task.WhenAny(run, stopped).ConfigureAwait(false);
            // A stopped loop or sleep ends at once (the loop checks see the cell as cancelled once it is tracked);
            // only then is the cell reported stopped.
            if (!run.IsCompleted)
            {
                Interruption.Track(run);
                await Task.WhenAny(run, Task.Delay(StopGrace)).ConfigureAwait(false);
            }
            if (!run.IsCompleted)
            {
                context.Close();
                return Stopped(sink, label, cancellationToken, thread.InStart ? StillRunning.InCall : StillRunning.AtAwait);
            }
            ScriptState<object> state;
            try
            {
                state = await run;
            }
            catch (Exception thrown)
            {
                return Fail(sink, CellErrors.Exception(thrown));
            }
            State = state;
            if (state.Exception is { } e)
            {
                if (e is OperationCanceledException or ThreadInterruptedException && stop.IsCancellationRequested)
                    return Stopped(sink, label, cancellationToken);
                return Fail(sink, CellErrors.Exception(e));
            }
            if (state.ReturnValue is { } value and not DisplayedValue)
            {
                Dictionary<string, string> bundle;
                try
                {
                    bundle = MimeBundle.For(value, context.NewDisplayId());
                }
                catch (Exception formatting)
                {
                    return Fail(sink, CellErrors.Exception(formatting));
                }
                context.Emit(new DisplayOutput(bundle, count));
            }
            return (CellStatus.Ok, null);
        }
        finally
        {
            lock (_gate) _running = null;
            if (directoryHeld)
            {
                Environment.CurrentDirectory = directoryBefore;
                s_currentDirectory.Release();
            }
        }
    }

    /// <summary>How long a stopped cell has to end by itself before it is abandoned and reported as still running.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    /// <summary>Why a stopped cell did not end within <see cref="StopGrace"/>.</summary>
    private enum StillRunning
    {
        No,
        InCall,
        AtAwait,
    }

    private (CellStatus, string?) Stopped(IOutputSink sink, string label, CancellationToken cancellationToken, StillRunning still = StillRunning.No)
    {
        var stopped = still switch
        {
            StillRunning.InCall => Words.CouldNotBeStopped,
            StillRunning.AtAwait => Words.StoppedAtAwait,
            _ => Words.WasStopped,
        };
        if (!cancellationToken.IsCancellationRequested && Options.Timeout is { } timeout && !_interruptRequested)
        {
            var error = CellErrors.Single("TimeoutError", Words.CellTimedOut(label, timeout.TotalSeconds, stopped));
            sink.Add(error);
            return (CellStatus.Timeout, error.Value);
        }
        var interrupted = CellErrors.Single("OperationCanceledException", Words.CellInterrupted(label, still == StillRunning.No ? null : stopped));
        sink.Add(interrupted);
        return (CellStatus.Interrupted, interrupted.Value);
    }
}
