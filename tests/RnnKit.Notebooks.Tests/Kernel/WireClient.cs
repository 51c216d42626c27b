using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using RnnKit.Notebooks.Kernel;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>
/// A minimal Jupyter client written against the wire format, for tests that need to see raw frames or send a
/// forged one: DEALER sockets on shell, control and stdin (shell and stdin share one identity, as Jupyter's clients
/// do, so the kernel can route an input_request), a SUB on iopub, a REQ on heartbeat.
/// </summary>
internal sealed class WireClient : IDisposable
{
    /// <summary>Generous: the test machine may be heavily loaded.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DealerSocket _shell = new();
    private readonly DealerSocket _control = new();
    private readonly DealerSocket _stdin = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly RequestSocket _heartbeat = new();
    private readonly KernelSession _session = KernelSession.New();

    public WireClient(ConnectionInfo connection)
    {
        Connection = connection;
        Signer = new MessageSigner(connection.Key);
        var identity = Guid.NewGuid().ToByteArray();
        _shell.Options.Identity = identity;
        _stdin.Options.Identity = identity;
        _shell.Connect(connection.Endpoint(connection.ShellPort));
        _stdin.Connect(connection.Endpoint(connection.StdinPort));
        _control.Connect(connection.Endpoint(connection.ControlPort));
        _iopub.Connect(connection.Endpoint(connection.IopubPort));
        _iopub.SubscribeToAnyTopic();
        _heartbeat.Connect(connection.Endpoint(connection.HbPort));
    }

    public ConnectionInfo Connection { get; }

    public MessageSigner Signer { get; }

    /// <summary>A connection for a kernel on free loopback ports with a random key.</summary>
    public static ConnectionInfo FreeConnection()
    {
        int Port()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        return new ConnectionInfo("tcp", "127.0.0.1", Port(), Port(), Port(), Port(), Port(), Guid.NewGuid().ToString(), ConnectionInfo.HmacSha256);
    }

    public JupyterMessage Request(string msgType, JsonObject content) =>
        new([], MessageHeader.New(msgType, _session.Id, "test"), [], [], content, []);

    public void SendShell(JupyterMessage message, MessageSigner? signer = null) => Send(_shell, message, signer ?? Signer);

    public void SendControl(JupyterMessage message) => Send(_control, message, Signer);

    public void SendStdin(JupyterMessage message) => Send(_stdin, message, Signer);

    public JupyterMessage ReceiveShell() => Receive(_shell, "shell");

    public JupyterMessage ReceiveStdin() => Receive(_stdin, "stdin");

    public JupyterMessage ReceiveControl() => Receive(_control, "control");

    public JupyterMessage ReceiveIopub() => Receive(_iopub, "iopub");

    /// <summary>iopub messages for <paramref name="request"/> up to and including its status idle.</summary>
    public List<JupyterMessage> IopubUntilIdle(JupyterMessage request)
    {
        var messages = new List<JupyterMessage>();
        while (true)
        {
            var message = ReceiveIopub();
            if (KernelJson.String(message.ParentHeader, "msg_id") != request.Header.MsgId) continue;
            messages.Add(message);
            if (message.MsgType == "status" && KernelJson.String(message.Content, "execution_state") == "idle")
                return messages;
        }
    }

    /// <summary>Waits until iopub delivers (the PUB socket drops what it sends before a subscriber joins).</summary>
    public void WaitForIopub()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var probe = Request("kernel_info_request", []);
            SendShell(probe);
            ReceiveShell();
            var frames = new List<byte[]>();
            if (_iopub.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames))
            {
                while (_iopub.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames)) { }
                return;
            }
        }
        throw new TimeoutException("iopub never delivered a message");
    }

    public byte[] Ping(byte[] payload)
    {
        _heartbeat.SendFrame(payload);
        return _heartbeat.TryReceiveFrameBytes(Patience, out var echo) ? echo : throw new TimeoutException("no heartbeat echo");
    }

    public void Dispose()
    {
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Options.Linger = TimeSpan.Zero;
            socket.Dispose();
        }
    }

    private static void Send(NetMQSocket socket, JupyterMessage message, MessageSigner signer)
    {
        var outgoing = new NetMQMessage();
        foreach (var frame in WireFormat.Encode(message, signer)) outgoing.Append(frame);
        socket.SendMultipartMessage(outgoing);
    }

    private JupyterMessage Receive(NetMQSocket socket, string channel)
    {
        var frames = new List<byte[]>();
        if (!socket.TryReceiveMultipartBytes(Patience, ref frames))
            throw new TimeoutException($"nothing on {channel} within {Patience.TotalSeconds} s");
        return WireFormat.Decode(frames, Signer, out var error) ?? throw new InvalidOperationException($"bad message on {channel}: {error}");
    }
}
