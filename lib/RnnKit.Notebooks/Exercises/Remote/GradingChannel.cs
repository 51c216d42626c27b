using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>The other side sent something that is not a message, said it failed, or did not answer in time.</summary>
public sealed class ChannelException(string message, bool timedOut = false, bool closed = false) : Exception(message)
{
    public bool TimedOut { get; } = timedOut;

    public bool Closed { get; } = closed;
}

/// <summary>
/// One JSON object per line between the grader and a student's sandbox: requests (<c>{"op": …}</c>) and replies
/// (<c>{"reply": true, …}</c>). While one side waits for its reply it serves the other side's requests, so a
/// delegate passed across (<see cref="ValueWire"/>) can be called back from inside the call. Lines longer than
/// <see cref="MaxLineBytes"/> are refused, not read into memory.
/// </summary>
public sealed class GradingChannel : IDisposable
{
    /// <summary>The longest message read (64 MB: a few matrices of a million entries).</summary>
    public const int MaxLineBytes = 64 << 20;

    private readonly Stream _output;
    private readonly Func<JsonObject, JsonObject> _serve;
    private readonly BlockingCollection<string> _lines = new();
    private readonly List<Delegate> _callbacks = [];
    private readonly Lock _writing = new();
    private string? _readProblem;
    private int _sequence;

    /// <param name="input">Where the other side's lines arrive.</param>
    /// <param name="output">Where this side writes.</param>
    /// <param name="serve">Answers a request of the other side (callbacks are answered by the channel itself).</param>
    public GradingChannel(Stream input, Stream output, Func<JsonObject, JsonObject> serve)
    {
        _output = output;
        _serve = serve;
        Wire = new ValueWire(Register, StandIn);
        var reader = new Thread(() => ReadLines(input)) { IsBackground = true, Name = "grading channel" };
        reader.Start();
    }

    public ValueWire Wire { get; }

    /// <summary>Sends <paramref name="request"/> and waits for its reply, serving requests that arrive meanwhile.</summary>
    /// <exception cref="ChannelException">No reply within <paramref name="timeout"/>, the other side closed, or a malformed line.</exception>
    public JsonObject Request(JsonObject request, TimeSpan? timeout = null)
    {
        var seq = Interlocked.Increment(ref _sequence);
        request["seq"] = seq;
        Write(request);
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, timeout is null ? Timeout.InfiniteTimeSpan : left))
            {
                if (_lines.IsCompleted) throw Closed();
                throw new ChannelException(RnnKit.Exercises.Feedback.NoAnswerWithin(timeout!.Value.TotalSeconds), timedOut: true);
            }
            var message = Parse(line);
            if (message["reply"] is null)
            {
                Write(Answer(message));
                continue;
            }
            // Every reply names the request it answers: one written out of turn (e.g. forged by student code on
            // the process's stdout) is not taken for the real one.
            if (message["seq"] is not JsonValue s || !s.TryGetValue<int>(out var answered) || answered != seq)
                throw new ChannelException("a reply out of turn (not the answer to the request sent)");
            return message;
        }
    }

    /// <summary>Serves requests until the other side closes its end or sends <c>{"op": "quit"}</c>.</summary>
    public void Serve()
    {
        foreach (var line in _lines.GetConsumingEnumerable())
        {
            var message = Parse(line);
            if (message["reply"] is not null) continue;
            if (message["op"]?.GetValue<string>() == "quit") return;
            try
            {
                Write(Answer(message));
            }
            catch (ChannelException e) when (e.Closed)
            {
                return;   // the grader has gone (it stopped this sandbox): nobody is left to answer
            }
        }
    }

    private ChannelException Closed() => new(_readProblem ?? "the other side closed the channel", closed: _readProblem is null);

    private JsonObject Answer(JsonObject request)
    {
        JsonObject reply;
        try
        {
            reply = request["op"]?.GetValue<string>() == "callback" ? Callback(request) : _serve(request);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the other side sent, the answer is an error message, never a crash of this side.
            reply = new JsonObject { ["error"] = $"{e.GetType().Name}: {e.Message}" };
        }
        reply["reply"] = true;
        reply["seq"] = request["seq"]?.DeepClone();
        return reply;
    }

    private JsonObject Callback(JsonObject request)
    {
        var id = request["id"]!.GetValue<int>();
        Delegate target;
        lock (_callbacks)
            target = id >= 0 && id < _callbacks.Count ? _callbacks[id] : throw new InvalidOperationException($"no callback {id}");
        var parameters = target.Method.GetParameters();
        var args = request["args"]!.AsArray();
        if (args.Count != parameters.Length) throw new InvalidOperationException("a callback with the wrong number of arguments");
        var values = parameters.Select((p, i) => Wire.Read(args[i], p.ParameterType)).ToArray();
        try
        {
            return new JsonObject { ["value"] = Wire.Write(target.DynamicInvoke(values)) };
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is { } inner)
        {
            return new JsonObject { ["error"] = Describe(inner) };
        }
    }

    /// <summary>"Type: message", cut to <see cref="Feedback.MaxLength"/>.</summary>
    public static string Describe(Exception e) => Feedback.Cut($"{e.GetType().FullName}: {e.Message}");

    private int Register(Delegate d)
    {
        lock (_callbacks)
        {
            _callbacks.Add(d);
            return _callbacks.Count - 1;
        }
    }

    private Delegate StandIn(int id, Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var args = Expression.NewArrayInit(typeof(object), parameters.Select(p => Expression.Convert(p, typeof(object))));
        var call = Expression.Call(Expression.Constant(this), typeof(GradingChannel).GetMethod(nameof(CallBack))!,
            Expression.Constant(id), args, Expression.Constant(invoke.ReturnType, typeof(Type)));
        Expression body = invoke.ReturnType == typeof(void) ? Expression.Block(typeof(void), call) : Expression.Convert(call, invoke.ReturnType);
        return Expression.Lambda(delegateType, body, parameters).Compile();
    }

    /// <summary>Calls the other side's delegate number <paramref name="id"/> (used by stand-ins; public for expression trees).</summary>
    public object? CallBack(int id, object?[] args, Type returnType)
    {
        var reply = Request(new JsonObject { ["op"] = "callback", ["id"] = id, ["args"] = new JsonArray(args.Select(Wire.Write).ToArray()) });
        if (reply["error"] is { } error) throw new InvalidOperationException(error.GetValue<string>());
        return Wire.Read(reply["value"], returnType);
    }

    public void Write(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString(WriteDepth) + "\n");
        lock (_writing)
        {
            try
            {
                _output.Write(bytes);
                _output.Flush();
            }
            catch (IOException)
            {
                // A broken pipe: the other side has ended (a sandbox killed by its own thread flood, say). That is a
                // closed channel to the caller, as when a read finds the end, never a crash of this side.
                throw new ChannelException("the other side closed the channel", closed: true);
            }
        }
    }

    /// <summary>Two JSON levels per level of a value (<see cref="ValueWire.MaxDepth"/>), and the message around it.</summary>
    private static readonly JsonDocumentOptions JsonDepth = new() { MaxDepth = 2 * ValueWire.MaxDepth + 16 };

    private static readonly JsonSerializerOptions WriteDepth = new() { MaxDepth = 2 * ValueWire.MaxDepth + 16 };

    private static JsonObject Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line, documentOptions: JsonDepth) as JsonObject ?? throw new ChannelException("a message that is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ChannelException($"a message that is not JSON ({e.Message})");
        }
    }

    private void ReadLines(Stream input)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        try
        {
            while (true)
            {
                var n = input.Read(chunk, 0, chunk.Length);
                if (n == 0) break;
                var start = 0;
                for (var i = 0; i < n; i++)
                {
                    if (chunk[i] != (byte)'\n') continue;
                    buffer.Write(chunk, start, i - start);
                    _lines.Add(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                    buffer.SetLength(0);
                    start = i + 1;
                }
                buffer.Write(chunk, start, n - start);
                if (buffer.Length > MaxLineBytes)
                {
                    _readProblem = $"a message longer than {MaxLineBytes >> 20} MB";
                    break;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        _lines.CompleteAdding();
    }

    /// <summary>Nothing to free but the reader thread, which ends with its stream; the queue stays usable for it.</summary>
    public void Dispose()
    {
    }
}

/// <summary>Feedback text kept short: a 20 MB exception message must not become a 20 MB gradebook.</summary>
public static class Feedback
{
    /// <summary>Characters of one message kept.</summary>
    public const int MaxLength = 2000;

    public static string Cut(string text) =>
        text.Length <= MaxLength ? text : $"{text[..MaxLength]}… ({text.Length - MaxLength:N0} more characters cut)";
}
