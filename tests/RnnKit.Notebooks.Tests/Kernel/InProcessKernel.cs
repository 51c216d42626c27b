using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>A kernel running inside the test process on free ports, with a connected <see cref="WireClient"/>.</summary>
internal sealed class InProcessKernel : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public InProcessKernel(IKernelEngine engine, KernelOptions? options = null)
    {
        Engine = engine;
        // A free port can be taken by a test running in parallel before the kernel binds it: then try new ports.
        const int attempts = 3;
        ConnectionInfo connection;
        var attempt = 0;
        do
        {
            connection = WireClient.FreeConnection();
            Running = new JupyterKernel(connection, () => engine, options ?? new KernelOptions(), Log).RunAsync(_stop.Token);
        } while (Running.IsFaulted && ++attempt < attempts);
        Client = new WireClient(connection);
        Client.WaitForIopub();
    }

    public IKernelEngine Engine { get; }

    public WireClient Client { get; }

    /// <summary>What the kernel logged (dropped messages, unknown types).</summary>
    public StringWriter Log { get; } = new();

    public Task Running { get; private set; }

    /// <summary>Sends a shell request and returns its reply with every iopub message it caused.</summary>
    public (JupyterMessage Reply, List<JupyterMessage> Iopub) Shell(string msgType, JsonObject content)
    {
        var request = Client.Request(msgType, content);
        Client.SendShell(request);
        var reply = Client.ReceiveShell();
        return (reply, Client.IopubUntilIdle(request));
    }

    public (JupyterMessage Reply, List<JupyterMessage> Iopub) Execute(string code, bool silent = false, bool storeHistory = true,
        bool allowStdin = false) =>
        Shell("execute_request", new JsonObject
        {
            ["code"] = code,
            ["silent"] = silent,
            ["store_history"] = storeHistory,
            ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = allowStdin,
            ["stop_on_error"] = true,
        });

    public void Dispose()
    {
        _stop.Cancel();
        Running.Wait(WireClient.Patience);
        Client.Dispose();
        _stop.Dispose();
    }
}
