using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RnnKit.TestSupport;

/// <summary>
/// A one-file HTTP/1.1 server on 127.0.0.1 for download tests. It answers every request with <see cref="Body"/>,
/// announcing <see cref="ContentLength"/> bytes (more than it sends, to simulate a transfer cut off), then closes.
/// <see cref="Paths"/> records what was asked for, so a test sees the URL the code built.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackServer(byte[] body, long? contentLength = null, int status = 200)
    {
        Body = body;
        ContentLength = contentLength ?? body.Length;
        Status = status;
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public byte[] Body { get; }
    public long ContentLength { get; }
    public int Status { get; }
    public int Requests => Paths.Count;

    /// <summary>The request paths received, in order (e.g. "/@scope/name/-/name-1.0.0.tgz").</summary>
    public List<string> Paths { get; } = [];

    public string Url(string file) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{file}";

    /// <summary>A URL on a loopback port where nothing listens (the server is down).</summary>
    public static string DeadUrl(string file)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}/{file}";
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            using (client)
            {
                var stream = client.GetStream();
                var head = await ReadRequestHeadAsync(stream);
                lock (Paths)
                    Paths.Add(head.Split(' ') is [_, var path, ..] ? Uri.UnescapeDataString(path) : head);
                var answer = $"HTTP/1.1 {Status} {(Status == 200 ? "OK" : "Not Found")}\r\nContent-Type: application/octet-stream\r\n" +
                           $"Content-Length: {ContentLength}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
                await stream.WriteAsync(Body);
                await stream.FlushAsync();
            }
        }
    }

    /// <summary>Reads up to the blank line that ends the request head; returns its first line.</summary>
    private static async Task<string> ReadRequestHeadAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^4] == '\r' && seen[^3] == '\n' && seen[^2] == '\r' && seen[^1] == '\n')
                break;
        }
        var text = Encoding.ASCII.GetString(seen.ToArray());
        return text.Split("\r\n")[0];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
