using NetMQ;
using NetMQ.Sockets;

namespace RnnKit.Notebooks.Kernel;

/// <summary>The kernel's sockets, by the name the messaging protocol gives them.</summary>
internal enum KernelChannel
{
    Shell,
    Control,
    Stdin,
    IoPub,
}

/// <summary>
/// The ZeroMQ side of the kernel: binds shell, control and stdin (ROUTER), iopub (PUB) and heartbeat (REP) as the
/// connection file says, decodes and verifies what arrives and hands each request to a callback; sends from any
/// thread through a queue, because a NetMQ socket belongs to the one thread that polls it.
/// A message with a bad signature, a broken frame or a signature seen before (a replay) is logged and dropped here,
/// so it never reaches a handler. IOPub has no send limit: a PUB socket cannot see its readers, so a limit would only
/// drop messages (a cell's last outputs and its idle status); the kernel keeps their number down instead.
/// </summary>
internal sealed class KernelServer : IDisposable
{
    /// <summary>How long a closing socket may keep trying to deliver what is still queued (the last replies).</summary>
    private static readonly TimeSpan FlushOnClose = TimeSpan.FromSeconds(1);

    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly DigestHistory _digests = new();
    private readonly TextWriter _log;
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<(KernelChannel Channel, JupyterMessage Message)> _outgoing = new();
    private readonly NetMQPoller _poller;
    private readonly NetMQPoller _heartbeatPoller;
    private Action<KernelChannel, JupyterMessage>? _onRequest;

    public KernelServer(ConnectionInfo connection, TextWriter log)
    {
        _connection = connection;
        _signer = new MessageSigner(connection.Key);
        _log = log;
        _poller = [_shell, _control, _stdin, _iopub, _outgoing];
        _heartbeatPoller = [_heartbeat];
        _iopub.Options.SendHighWatermark = 0;
        _shell.ReceiveReady += (_, e) => Receive(KernelChannel.Shell, e.Socket);
        _control.ReceiveReady += (_, e) => Receive(KernelChannel.Control, e.Socket);
        _stdin.ReceiveReady += (_, e) => Receive(KernelChannel.Stdin, e.Socket);
        _outgoing.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero))
                Transmit(item.Channel, item.Message);
        };
        // Heartbeat: echo every frame back at once, on its own thread so a busy kernel still looks alive.
        _heartbeat.ReceiveReady += (_, e) =>
        {
            var msg = e.Socket.ReceiveMultipartMessage();
            e.Socket.SendMultipartMessage(msg);
        };
    }

    /// <summary>Binds every socket to its port; call before <see cref="Start"/>.</summary>
    /// <exception cref="KernelConfigurationException">A port cannot be bound (in use, bad address).</exception>
    public void Bind()
    {
        Bind(_shell, _connection.ShellPort, "shell_port");
        Bind(_control, _connection.ControlPort, "control_port");
        Bind(_stdin, _connection.StdinPort, "stdin_port");
        Bind(_iopub, _connection.IopubPort, "iopub_port");
        Bind(_heartbeat, _connection.HbPort, "hb_port");
    }

    /// <summary>Starts polling the bound sockets; <paramref name="onRequest"/> runs on the polling thread.</summary>
    public void Start(Action<KernelChannel, JupyterMessage> onRequest)
    {
        _onRequest = onRequest;
        _poller.RunAsync("rnnkit-kernel-io", isBackgroundThread: true);
        _heartbeatPoller.RunAsync("rnnkit-kernel-heartbeat", isBackgroundThread: true);
    }

    /// <summary>Queues a message to send on <paramref name="channel"/>; safe from any thread.</summary>
    public void Send(KernelChannel channel, JupyterMessage message) => _outgoing.Enqueue((channel, message));

    /// <summary>Sends what is queued, then stops polling. Call once, before <see cref="Dispose"/>.</summary>
    public void Stop()
    {
        if (_poller.IsRunning)
        {
            // Runs on the polling thread after everything queued before it, so the last replies go out.
            var drained = new Task(() =>
            {
                while (_outgoing.TryDequeue(out var item, TimeSpan.Zero))
                    Transmit(item.Channel, item.Message);
            });
            drained.Start(_poller);
            drained.Wait();
            _poller.Stop();
        }
        if (_heartbeatPoller.IsRunning) _heartbeatPoller.Stop();
    }

    public void Dispose()
    {
        Stop();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Options.Linger = FlushOnClose;
            socket.Dispose();
        }
        _outgoing.Dispose();
        _poller.Dispose();
        _heartbeatPoller.Dispose();
    }

    private void Bind(NetMQSocket socket, int port, string field)
    {
        var endpoint = _connection.Endpoint(port);
        try
        {
            socket.Bind(endpoint);
        }
        catch (NetMQException e)
        {
            throw new KernelConfigurationException($"cannot listen on {endpoint} ({field} of the connection file): {e.Message}");
        }
    }

    private void Receive(KernelChannel channel, NetMQSocket socket)
    {
        var frames = new List<byte[]>();
        if (!socket.TryReceiveMultipartBytes(ref frames!)) return;
        var message = WireFormat.Decode(frames, _signer, out var error);
        if (message is null)
        {
            _log.WriteLine($"rnnkit kernel: dropped a message on {channel}: {error}");
            return;
        }
        // Only the socket thread receives, so the history needs no lock.
        if (_signer.IsEnabled && !_digests.Add(message.Signature))
        {
            _log.WriteLine($"rnnkit kernel: dropped a {message.MsgType} on {channel}: its signature was seen before (a replayed message)");
            return;
        }
        _onRequest?.Invoke(channel, message);
    }

    private void Transmit(KernelChannel channel, JupyterMessage message)
    {
        NetMQSocket socket = channel switch
        {
            KernelChannel.Shell => _shell,
            KernelChannel.Control => _control,
            KernelChannel.Stdin => _stdin,
            _ => _iopub,
        };
        var frames = WireFormat.Encode(message, _signer);
        var outgoing = new NetMQMessage(frames.Count);
        foreach (var frame in frames) outgoing.Append(frame);
        socket.SendMultipartMessage(outgoing);
    }
}
