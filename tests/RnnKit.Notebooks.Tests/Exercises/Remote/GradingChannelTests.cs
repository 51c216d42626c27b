using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Exercises.Remote;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises.Remote;

/// <summary>The channel between the grader and a sandbox when the other side is gone: a closed channel the caller
/// can handle (a sandbox started again), never an exception that ends the grading process.</summary>
public class GradingChannelTests
{
    [Fact]
    public void A_request_to_a_process_that_has_ended_is_a_closed_channel_not_a_broken_pipe()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("uses /bin/true");
        // A sandbox whose process has died (e.g. of its own thread flood): its stdin pipe has no reader any more.
        using var dead = Process.Start(new ProcessStartInfo("/bin/true") { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        dead.WaitForExit();
        using var channel = new GradingChannel(dead.StandardOutput.BaseStream, dead.StandardInput.BaseStream, _ => new JsonObject());

        var e = Assert.Throws<ChannelException>(() => channel.Request(new JsonObject { ["op"] = "run", ["cell"] = 3 }, TimeSpan.FromSeconds(5)));
        Assert.True(e.Closed, e.Message);
        Assert.False(e.TimedOut);
    }

    [Fact]
    public void A_sandbox_serving_requests_stops_quietly_when_the_grader_has_gone()
    {
        var request = new MemoryStream(Encoding.UTF8.GetBytes("{\"op\":\"run\",\"cell\":1,\"seq\":1}\n{\"op\":\"run\",\"cell\":2,\"seq\":2}\n"));
        using var channel = new GradingChannel(request, new BrokenPipe(), _ => new JsonObject { ["status"] = "ok" });

        channel.Serve();   // returns, no exception, although no answer could be written
    }

    /// <summary>A stream whose reader has gone, as .NET reports it on Linux.</summary>
    private sealed class BrokenPipe : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => throw new IOException("Broken pipe");
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");
    }
}
