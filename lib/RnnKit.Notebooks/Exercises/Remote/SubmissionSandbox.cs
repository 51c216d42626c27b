using System.Diagnostics;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Execution;
using Words = RnnKit.Exercises.Feedback;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>What a student cell (or a generated one) did in the sandbox.</summary>
public sealed record SandboxOutcome(CellStatus Status, string? Error)
{
    public bool Succeeded => Status == CellStatus.Ok;
}

/// <summary>What stopped a student's sandbox (<see cref="Text"/>, one sentence in the run's language), and the label of
/// the cell or generated code that did it (null for a call into the student's code, whose failure explains itself).</summary>
public sealed record SandboxIncident(string Text, string? Cell);

/// <summary>A call into the student's code failed: it threw, timed out, or its reply was not a value of the right type.</summary>
public sealed class StudentCodeException(string message, bool timedOut = false) : Exception(message)
{
    public bool TimedOut { get; } = timedOut;
}

/// <summary>
/// The student's method threw an <see cref="ArgumentException"/> (MathNet's, for a product of mismatched shapes): thrown
/// again in the grader as one, carrying the student's (<paramref name="original"/>) as its inner exception, so a check
/// that diagnoses it (Check's "a matrix product's inner sizes do not agree") sees what it sees in the student's own run.
/// </summary>
public sealed class StudentArgumentException(string message, ArgumentException original) : ArgumentException(message, original);

/// <summary>
/// The grader's handle on one student's sandboxed process (`rnnkit grade-sandbox` under <see cref="Sandbox"/>): runs the
/// student's cells in order up to the one asked for, runs generated cells, calls the student's methods. Every
/// request has a time limit; a process that misses it, dies or answers with something that is not a message is
/// killed, and the next request starts a new one that replays what succeeded before (without the cell that killed
/// the last one), so one bad cell costs one exercise. A cell or call after which the sandbox reports itself
/// flooded (<see cref="ThreadFlood"/>: its threads still hold the process's limits) fails at once and the
/// sandbox is started again without it, before the flood can bring down whatever runs next.
/// </summary>
public sealed class SubmissionSandbox : IDisposable
{
    private readonly Func<ProcessStartInfo> _start;
    private readonly GradeOptions _options;
    /// <summary>The requests that ran, as made for a given channel (a fallback's callbacks belong to one channel).</summary>
    private readonly List<(string Label, Func<GradingChannel, JsonObject> Make)> _done = [];
    private Process? _process;
    private GradingChannel? _channel;
    private readonly Queue<string> _stderr = new();
    private int _next;

    /// <param name="start">A new sandboxed process (stdin/stdout redirected).</param>
    /// <param name="options">Time limits of a request.</param>
    public SubmissionSandbox(Func<ProcessStartInfo> start, GradeOptions options)
    {
        _start = start;
        _options = options;
    }

    /// <summary>How many sandboxes were started (1 + restarts).</summary>
    public int Starts { get; private set; }

    /// <summary>The longest one call may take: a call compiles nothing, so it needs less allowance than a cell, and
    /// it must end before the test cell that made it is stopped (<see cref="TestCellLimit"/>).</summary>
    public TimeSpan CallLimit => _options.CellTimeout + _options.CellAllowance / 8;

    /// <summary>The longest one of the grader's test cells may take (its calls' time included).</summary>
    public TimeSpan TestCellLimit => _options.CellTimeout + _options.CellAllowance / 4;

    /// <summary>Stops the sandbox (a test cell that made a call was stopped); the next request starts a new one.</summary>
    public void Abort() => Kill();

    /// <summary>What stopped a sandbox, one sentence each, in order (for the feedback and the teacher's notes), in the
    /// language of the run (<see cref="KitSettings.Language"/>).</summary>
    public List<SandboxIncident> Incidents { get; } = [];

    /// <summary>How many calls ran out of time so far (a test cell that failed while this grew failed by a call's time-out).</summary>
    public int CallTimeouts { get; private set; }

    /// <summary>Runs the student's code cells from where the last call stopped through <paramref name="cell"/>;
    /// the outcome of <paramref name="cell"/> (ok when it already ran).</summary>
    public SandboxOutcome RunThrough(int cell, IReadOnlyList<int> codeCells, Func<int, string> label)
    {
        var outcome = new SandboxOutcome(CellStatus.Ok, null);
        foreach (var c in codeCells.Where(c => c >= _next && c <= cell))
        {
            _next = c + 1;
            outcome = Request(_ => new JsonObject { ["op"] = "run", ["cell"] = c }, label(c), cell: true);
        }
        return outcome;
    }

    /// <summary>Runs a generated cell in the student's session.</summary>
    public SandboxOutcome RunCode(string code, string label) =>
        Request(_ => new JsonObject { ["op"] = "code", ["code"] = code, ["label"] = label }, label, cell: false);

    /// <summary>Declares a failed exercise's names again in the student's session, calling the teacher's versions
    /// (<paramref name="functions"/>, <paramref name="values"/>) in the grader; later student cells use them.</summary>
    public SandboxOutcome Fallback(string code, string label, IReadOnlyDictionary<string, Delegate> functions, IReadOnlyDictionary<string, object?> values) =>
        Request(channel => new JsonObject
        {
            ["op"] = "fallback", ["code"] = code, ["label"] = label,
            ["functions"] = new JsonObject(functions.Select(f => KeyValuePair.Create(f.Key, channel.Wire.Write(f.Value)))),
            ["values"] = new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, channel.Wire.Write(v.Value)))),
        }, label, cell: false);

    /// <summary>Calls the student's method <paramref name="name"/>; copies what it did to reference arguments back into them.</summary>
    /// <exception cref="StudentCodeException">The method threw, ran out of time, or answered with a wrong value.</exception>
    public object? Call(string name, object?[] args, Type returnType)
    {
        var channel = Channel();
        JsonArray sent;
        try
        {
            sent = new JsonArray(args.Select(channel.Wire.Write).ToArray());
        }
        catch (ValueWireException e)
        {
            throw new InvalidOperationException(Words.ArgumentsNotSent(name, e.Message));
        }
        var request = new JsonObject { ["op"] = "call", ["name"] = name, ["args"] = sent };
        var reply = Exchange(request, Words.Yours(name));
        if (reply["error"] is { } error)
            throw reply["argument"] is { } argument
                ? new StudentArgumentException(Words.MethodThrew(name, Text(error)), new ArgumentException(Text(argument)))
                : new StudentCodeException(Words.MethodThrew(name, Text(error)));
        try
        {
            var value = channel.Wire.Read(reply["value"], returnType);
            var after = reply["after"] as JsonArray ?? throw new ValueWireException("a reply without the arguments");
            if (after.Count != args.Length) throw new ValueWireException("a reply with the wrong number of arguments");
            for (var i = 0; i < args.Length; i++)
                // An argument that travelled as something else (a compiler-made list sent as an array) is read-only to
                // the method anyway: only what crossed as itself is copied back.
                if (args[i] is { } arg && !arg.GetType().IsValueType && arg is not string && ValueWire.IsAllowed(arg.GetType()) && after[i] is { } node)
                    ValueWire.CopyInto(arg, channel.Wire.Read(node, arg.GetType())!);
            return value;
        }
        catch (ValueWireException e)
        {
            throw new StudentCodeException(Words.MethodAnsweredWith(name, e.Message));
        }
    }

    /// <summary>The value the student's answer cell left in <paramref name="name"/>.</summary>
    public object? Get(string name, Type type)
    {
        var reply = Exchange(new JsonObject { ["op"] = "get", ["name"] = name }, Words.Yours(name));
        if (reply["error"] is { } error) throw new StudentCodeException(Words.ValueUnreadable(name, Text(error)));
        try
        {
            return Channel().Wire.Read(reply["value"], type);
        }
        catch (ValueWireException e)
        {
            throw new StudentCodeException(Words.ValueIs(name, e.Message));
        }
    }

    private static string Text(JsonNode node) => Feedback.Cut(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString());

    private JsonObject Exchange(JsonObject request, string what)
    {
        JsonObject reply;
        try
        {
            reply = Channel().Request(request, CallLimit);
        }
        catch (ChannelException e)
        {
            var message = Stopped(e);
            Incidents.Add(new SandboxIncident(Words.StoppedWhile(what, message), Cell: null));
            if (e.TimedOut) CallTimeouts++;
            throw new StudentCodeException(e.TimedOut ? Words.CallTimedOut(what, CallLimit.TotalSeconds) : Words.CallFailed(what, message), e.TimedOut);
        }
        if (Flood(reply) is { } flood)
        {
            Incidents.Add(new SandboxIncident(Words.StoppedAfter(what, flood), Cell: null));
            throw new StudentCodeException(Words.CallFlooded(what, flood));
        }
        return reply;
    }

    /// <summary>The sandbox's report that it is flooded (then it is stopped, and the next request starts a new one), or null.</summary>
    private string? Flood(JsonObject reply)
    {
        if (reply[ThreadFlood.ReplyField] is not { } flood) return null;
        Kill();
        return Text(flood);
    }

    private SandboxOutcome Request(Func<GradingChannel, JsonObject> request, string label, bool cell, bool retried = false)
    {
        JsonObject reply;
        try
        {
            var first = _process is null;
            var channel = Channel();
            reply = channel.Request(request(channel), _options.CellTimeout + _options.CellAllowance + (first ? _options.StartupAllowance : TimeSpan.Zero));
        }
        catch (ChannelException e)
        {
            var message = Stopped(e);
            Incidents.Add(new SandboxIncident(Words.StoppedIn(label, message + (!e.Closed ? "" : retried ? Words.StoppedTheNewOneToo : Words.RunAgainInANewSandbox)), label));
            // A process that simply ended (killed from outside, out of memory, or the student's own exit) gets one more
            // try in a new sandbox: if it was not the student's doing, the cell now runs; if it was, it ends again.
            if (e.Closed && !retried) return Request(request, label, cell, retried: true);
            return e.TimedOut
                ? new SandboxOutcome(CellStatus.Timeout, Words.CellTimedOutUnstoppable(label, _options.CellTimeout.TotalSeconds))
                : new SandboxOutcome(CellStatus.Error, Words.InCell(label, message));
        }
        if (Flood(reply) is { } flood)
        {
            Incidents.Add(new SandboxIncident(Words.StoppedIn(label, Words.Flooded(flood)), label));
            return new SandboxOutcome(CellStatus.Error, Words.InCell(label, flood));
        }
        var status = CellStatusWire.FromWire(reply["status"]?.GetValue<string>()) ?? CellStatus.Error;
        var error = reply["error"] is { } err ? Text(err) : null;
        if (status == CellStatus.Ok || cell) _done.Add((label, request));
        return new SandboxOutcome(status, status == CellStatus.Ok ? null : error ?? "failed");
    }

    /// <summary>Kills the process after a failed exchange and says what happened to it.</summary>
    private string Stopped(ChannelException e)
    {
        var exited = _process is { } p && p.WaitForExit(TimeSpan.FromSeconds(1));
        int? exit = exited ? _process!.ExitCode : null;
        Kill();
        string tail;
        lock (_stderr) tail = string.Join(" ", _stderr).Trim();
        if (e.TimedOut) return e.Message;
        return e.Closed ? Words.ProcessEnded(exit, Feedback.Cut(tail)) : Words.ProcessForged(e.Message);
    }

    private GradingChannel Channel()
    {
        while (true)
        {
            if (_channel is not null && _process is { HasExited: false }) return _channel;
            if (Replayed(Start())) return _channel!;
        }
    }

    /// <summary>Replays what succeeded in the last process (its state is the student's notebook so far) into a new
    /// one; false when a replayed request now floods it (that request is dropped, and the caller starts again).</summary>
    private bool Replayed(GradingChannel channel)
    {
        foreach (var replay in _done.ToList())
        {
            JsonObject reply;
            try
            {
                reply = channel.Request(replay.Make(channel), _options.CellTimeout + _options.CellAllowance + _options.StartupAllowance);
            }
            catch (ChannelException)
            {
                break;
            }
            if (Flood(reply) is { } flood)
            {
                _done.Remove(replay);
                var again = Words.WhenRunAgain(replay.Label);
                Incidents.Add(new SandboxIncident(Words.StoppedIn(again, Words.Flooded(flood)), again));
                return false;
            }
        }
        return true;
    }

    private GradingChannel Start()
    {
        Kill();
        var psi = _start();
        lock (_stderr) _stderr.Clear();
        var process = Launcher.Start(psi);
        Starts++;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                _stderr.Enqueue(e.Data.Length > 500 ? e.Data[..500] : e.Data);
                if (_stderr.Count > 5) _stderr.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        _process = process;
        _channel = new GradingChannel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream, _ => throw new InvalidOperationException("the grader serves no requests"));
        return _channel;
    }

    private void Kill()
    {
        if (_process is { } p)
        {
            try
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                p.WaitForExit(_options.ExitAllowance);
            }
            catch (InvalidOperationException)
            {
            }
            p.Dispose();
        }
        _channel?.Dispose();
        _process = null;
        _channel = null;
    }

    public void Dispose()
    {
        if (_channel is not null && _process is { HasExited: false })
            try
            {
                _channel.Write(new JsonObject { ["op"] = "quit" });
                _process.WaitForExit(TimeSpan.FromSeconds(2));
            }
            catch (ChannelException)
            {
            }
        Kill();
    }
}

/// <summary>
/// Starts sandboxes from one thread that lives as long as the process. bubblewrap's <c>--die-with-parent</c> is
/// Linux's parent-death signal, which fires when the *thread* that started the child ends, not the process: a
/// sandbox started from a thread-pool thread was killed (exit 137) when the pool retired that thread mid-grading.
/// </summary>
internal static class Launcher
{
    private static readonly System.Collections.Concurrent.BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Done)> s_queue = new();

    static Launcher()
    {
        var thread = new Thread(() =>
        {
            foreach (var (start, done) in s_queue.GetConsumingEnumerable())
            {
                try
                {
                    done.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}"));
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            }
        }) { IsBackground = true, Name = "sandbox launcher" };
        thread.Start();
    }

    public static Process Start(ProcessStartInfo start)
    {
        var done = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        s_queue.Add((start, done));
        return done.Task.GetAwaiter().GetResult();
    }
}

/// <summary>
/// The grader's side of the stand-ins <see cref="AnswerSignature.StandInCode"/> declares: a test cell's call of the
/// student's method comes here and goes to the student's sandbox. Set by the grading worker for its one submission.
/// </summary>
public static class StudentAnswers
{
    internal static SubmissionSandbox? Current { get; set; }

    private static SubmissionSandbox Sandbox => Current ?? throw new InvalidOperationException("no student's sandbox is connected (this runs only while grading)");

    public static T Call<T>(string name, object?[] args) => (T)Sandbox.Call(name, args, typeof(T))!;

    public static void CallVoid(string name, object?[] args) => Sandbox.Call(name, args, typeof(void));

    internal static Dictionary<string, Delegate> TeacherFunctions { get; } = new(StringComparer.Ordinal);

    internal static Dictionary<string, object?> TeacherValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Keeps the teacher's version of an answer's method (see <see cref="AnswerSignature.KeepCode"/>).</summary>
    public static void KeepTeacher(string name, Delegate function) => TeacherFunctions[name] = function;

    /// <summary>Keeps the teacher's value of an answer's variable.</summary>
    public static void KeepTeacherValue(string name, object? value) => TeacherValues[name] = value;

    public static T Get<T>(string name) => (T)Sandbox.Get(name, typeof(T))!;
}
