using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The Jupyter kernel: serves one C# session over the messaging protocol until a client asks it to shut down.
/// Shell requests run one after another on a worker; control requests (interrupt, shutdown) are answered at once.
/// SIGINT interrupts the running cell (for clients that interrupt by signal), SIGTERM shuts down.
/// </summary>
public sealed class JupyterKernel
{
    private readonly ConnectionInfo _connection;
    private readonly Func<IKernelEngine> _newEngine;
    private readonly KernelOptions _options;
    private readonly TextWriter _log;

    internal JupyterKernel(ConnectionInfo connection, Func<IKernelEngine> newEngine, KernelOptions options, TextWriter log)
    {
        _connection = connection;
        _newEngine = newEngine;
        _options = options;
        _log = log;
    }

    /// <summary>Serves the kit's C# engine on the sockets of <paramref name="connection"/> until shutdown.</summary>
    public static Task ServeAsync(ConnectionInfo connection, KernelOptions options, TextWriter log, CancellationToken cancel = default) =>
        new JupyterKernel(connection, () => new EngineAdapter(), options, log).RunAsync(cancel);

    /// <summary>
    /// Runs until a shutdown_request (or <paramref name="cancel"/>, or SIGTERM). A restart request ends this
    /// process too: Jupyter's clients (jupyter_client's KernelManager, VS Code, JupyterLab) restart a kernel by
    /// waiting for its process to exit and starting a new one, so the new session starts from nothing.
    /// </summary>
    internal async Task RunAsync(CancellationToken cancel = default)
    {
        using var server = new KernelServer(_connection, _log);
        // Ports first: a kernel that cannot listen fails before it starts an engine.
        server.Bind();
        using var engine = _newEngine();
        using var history = KernelHistory.Open(_options.HistoryFile, _log);
        var session = KernelSession.New();
        var handlers = new KernelHandlers(engine, server.Send, session, history, _options, _log);
        var shellQueue = Channel.CreateUnbounded<(JupyterMessage Message, long Number)>(new UnboundedChannelOptions { SingleReader = true });

        server.Start((channel, message) =>
        {
            switch (channel)
            {
                case KernelChannel.Shell: shellQueue.Writer.TryWrite((message, handlers.Queued())); break;
                case KernelChannel.Control: handlers.HandleControl(message); break;
                default: handlers.HandleStdin(message); break;
            }
        });
        handlers.PublishStarting();
        _log.WriteLine($"rnnkit kernel: listening on {_connection.Endpoint(_connection.ShellPort)} (shell), session {session.Id}");

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            engine.Interrupt();
        });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            handlers.Shutdown.TrySetResult(new ShutdownRequest(Restart: false));
        });
        using var cancelled = cancel.Register(() => handlers.Shutdown.TrySetResult(new ShutdownRequest(Restart: false)));

        using var orphaned = new CancellationTokenSource();
        _ = WatchParentAsync(() => handlers.Shutdown.TrySetResult(new ShutdownRequest(Restart: false)), orphaned.Token);

        var shellWorker = Task.Run(async () =>
        {
            await foreach (var request in shellQueue.Reader.ReadAllAsync())
            {
                // Requests still queued when a shutdown arrives are not run.
                if (handlers.Shutdown.Task.IsCompleted) break;
                await handlers.HandleShellAsync(request.Message, request.Number);
            }
        });

        var shutdown = await handlers.Shutdown.Task;
        await orphaned.CancelAsync();
        _log.WriteLine($"rnnkit kernel: shutting down{(shutdown.Restart ? " for a restart" : "")}");
        shellQueue.Writer.TryComplete();
        engine.Interrupt();
        // The running cell stops at its next check; a cell that never checks is left behind with the process.
        await Task.WhenAny(shellWorker, Task.Delay(ShutdownGrace));
        server.Stop();
    }

    /// <summary>
    /// Jupyter passes its own process id in JPY_PARENT_PID; when that process is gone (a client that crashed or was
    /// killed) nobody can ever shut this kernel down, so it shuts itself down, as ipykernel does.
    /// </summary>
    private static async Task WatchParentAsync(Action shutDown, CancellationToken stop)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var parentId) || parentId <= 1) return;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!IsAlive(parentId))
                {
                    shutDown();
                    return;
                }
                await Task.Delay(ParentPollInterval, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The kernel is shutting down anyway.
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static readonly TimeSpan ParentPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long shutdown waits for an interrupted cell to finish before the process exits anyway.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);
}
