using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RnnKit.Tests.Data;

/// <summary>
/// A one-file HTTP/1.1 server on 127.0.0.1 for download tests. It answers every request with <see cref="Body"/>,
/// announcing <see cref="ContentLength"/> bytes (more than it sends, to simulate a transfer cut off), then closes.
/// </summary>
internal sealed class LoopbackServer : IDisposable
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
    public int Requests { get; private set; }

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
                Requests++;
                var stream = client.GetStream();
                await ReadRequestHeadAsync(stream);
                var head = $"HTTP/1.1 {Status} {(Status == 200 ? "OK" : "Not Found")}\r\nContent-Type: application/octet-stream\r\n" +
                           $"Content-Length: {ContentLength}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(Body);
                await stream.FlushAsync();
            }
        }
    }

    private static async Task ReadRequestHeadAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^4] == '\r' && seen[^3] == '\n' && seen[^2] == '\r' && seen[^1] == '\n')
                return;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
