using System.Reflection;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>
/// Inside the sandbox: the student's methods and values the grader may ask for, handed over by the cell
/// <see cref="AnswerSignature.ExposeCode"/> generates. Nothing here decides anything: it only evaluates.
/// </summary>
public static class SandboxAnswers
{
    private static readonly Dictionary<string, Delegate> s_functions = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, object?> s_values = new(StringComparer.Ordinal);

    public static void Expose(string name, Delegate function)
    {
        lock (s_functions) s_functions[name] = function;
    }

    public static void ExposeValue(string name, object? value)
    {
        lock (s_functions) s_values[name] = value;
    }

    private static readonly Dictionary<string, Delegate> s_fallbacks = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, object?> s_fallbackValues = new(StringComparer.Ordinal);

    /// <summary>The teacher's version of a failed exercise's method: a stand-in that calls the grader.</summary>
    public static Delegate Fallback(string name)
    {
        lock (s_functions) return s_fallbacks.TryGetValue(name, out var d) ? d : throw new InvalidOperationException($"no fallback for {name}");
    }

    /// <summary>The teacher's value of a failed exercise's variable.</summary>
    public static object? FallbackValue(string name)
    {
        lock (s_functions) return s_fallbackValues.TryGetValue(name, out var v) ? v : throw new InvalidOperationException($"no fallback for {name}");
    }

    internal static void SetFallback(string name, Delegate function)
    {
        lock (s_functions) s_fallbacks[name] = function;
    }

    internal static void SetFallbackValue(string name, object? value)
    {
        lock (s_functions) s_fallbackValues[name] = value;
    }

    internal static Delegate? Function(string name)
    {
        lock (s_functions) return s_functions.GetValueOrDefault(name);
    }

    internal static bool TryValue(string name, out object? value)
    {
        lock (s_functions) return s_values.TryGetValue(name, out value);
    }
}

/// <summary>
/// The sandboxed process (`rnnkit grade-sandbox`): holds the student's notebook in one <see cref="CSharpSession"/>
/// and does what the grader asks over stdin/stdout (<see cref="GradingChannel"/>) — run student cell N, run a
/// generated cell, call a student's method on the arguments sent and send back its value (and the arguments as
/// the method left them), read a value. It never sees the teacher's notebook, the tests or the expected answers.
/// </summary>
public static class SandboxHost
{
    /// <param name="student">The student's notebook.</param>
    /// <param name="cellTimeout">How long one cell may run.</param>
    /// <param name="workingDirectory">The scratch folder.</param>
    /// <param name="input">The grader's requests.</param>
    /// <param name="output">The replies.</param>
    /// <param name="lingeringThreads">How many threads may still run after a cell or call (<see cref="ThreadFlood"/>).</param>
    public static void Run(Notebook student, TimeSpan cellTimeout, string workingDirectory, Stream input, Stream output, int lingeringThreads)
    {
        // What this process writes — a cell's time-out, a flood of threads — speaks the submission's language, as the
        // grader's own words around it do.
        using var language = KitSettings.Use(KitSettings.Current with { Language = Editions.LanguageOrEnglish(student) });
        using var session = new CSharpSession(new SessionOptions { Timeout = cellTimeout, WorkingDirectory = workingDirectory });
        GradingChannel? channel = null;
        channel = new GradingChannel(input, output, request =>
        {
            var start = ThreadFlood.Begin();
            var reply = Serve(request, session, student, channel!);
            // A cell or call that leaves the process unable to start a thread (its threads still hold the process and
            // memory limits) would bring down whatever runs next here: the grader is told to start a new sandbox
            // without it, whichever request comes next and however loaded the machine is.
            if (ThreadFlood.Check(start, lingeringThreads) is { } flood) reply[ThreadFlood.ReplyField] = flood;
            return reply;
        });
        channel.Serve();
    }

    private static JsonObject Serve(JsonObject request, CSharpSession session, Notebook student, GradingChannel channel)
    {
        switch (request["op"]?.GetValue<string>())
        {
            case "run":
            {
                var index = request["cell"]!.GetValue<int>();
                if (index < 0 || index >= student.Cells.Count || student.Cells[index].Type != CellType.Code)
                    throw new InvalidOperationException($"no code cell {index}");
                return Execute(session, student.Cells[index].Source, RnnKit.Exercises.Feedback.CellLabel(index + 1));
            }
            case "code":
                return Execute(session, request["code"]!.GetValue<string>(), request["label"]?.GetValue<string>() ?? "grading cell");
            case "fallback":
                foreach (var (name, node) in request["functions"]!.AsObject())
                    SandboxAnswers.SetFallback(name, (Delegate)channel.Wire.Read(node, typeof(Delegate))!);
                foreach (var (name, node) in request["values"]!.AsObject())
                    SandboxAnswers.SetFallbackValue(name, channel.Wire.Read(node, typeof(object)));
                return Execute(session, request["code"]!.GetValue<string>(), request["label"]?.GetValue<string>() ?? "grading cell");
            case "call":
            {
                var name = request["name"]!.GetValue<string>();
                var function = SandboxAnswers.Function(name) ?? throw new InvalidOperationException($"no method {name} was handed over");
                var parameters = function.Method.GetParameters();
                var sent = request["args"]!.AsArray();
                if (sent.Count != parameters.Length) throw new InvalidOperationException($"{name} takes {parameters.Length} arguments, {sent.Count} were sent");
                var args = parameters.Select((p, i) => channel.Wire.Read(sent[i], p.ParameterType)).ToArray();
                object? value;
                try
                {
                    value = function.DynamicInvoke(args);
                }
                catch (TargetInvocationException e) when (e.InnerException is { } inner)
                {
                    var reply = new JsonObject { ["error"] = GradingChannel.Describe(inner) };
                    if (inner.GetType() == typeof(ArgumentException)) reply["argument"] = Feedback.Cut(inner.Message);
                    return reply;
                }
                return new JsonObject
                {
                    ["value"] = channel.Wire.Write(value),
                    ["after"] = new JsonArray(args.Select(a => a is null || a.GetType().IsValueType || a is string ? null : channel.Wire.Write(a)).ToArray()),
                };
            }
            case "get":
            {
                var name = request["name"]!.GetValue<string>();
                if (!SandboxAnswers.TryValue(name, out var value)) throw new InvalidOperationException($"no value {name} was handed over");
                return new JsonObject { ["value"] = channel.Wire.Write(value) };
            }
            default:
                throw new InvalidOperationException($"unknown request {request["op"]}");
        }
    }

    private static JsonObject Execute(CSharpSession session, string code, string label)
    {
        var errors = new FirstError();
        var result = session.ExecuteAsync(code, errors, label).GetAwaiter().GetResult();
        return new JsonObject { ["status"] = result.Status.ToWire(), ["error"] = result.Succeeded ? null : Feedback.Cut(errors.Describe() ?? result.Error ?? "failed") };
    }

    /// <summary>Keeps a cell's first error; the rest of what a cell shows is not needed for grading.</summary>
    internal sealed class FirstError : IOutputSink
    {
        private ErrorOutput? _error;

        public void Add(Output output)
        {
            if (output is ErrorOutput e) _error ??= e;
        }

        public void Update(DisplayOutput output)
        {
        }

        /// <summary>"Type: message" for exceptions; the message alone for compile errors, timeouts, failed checks.</summary>
        public string? Describe() => _error switch
        {
            null => null,
            { Name: "CompilationError" or "TimeoutError" or "DirectiveError" } e => e.Value,
            { Name: "RnnKit.Exercises.CheckFailedException" or "System.NotImplementedException" } e => e.Value,
            { Name: var n } e when n == typeof(StudentCodeException).FullName || n == typeof(StudentArgumentException).FullName => e.Value,
            var e => $"{e.Name}: {e.Value}",
        };

        public string? Name => _error?.Name;
    }
}
