using System.Text;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The outputs of one execute_request, published on iopub in the order the cell made them (prints, displays,
/// clear_output, the result, the error). Printed text is coalesced: it waits up to
/// <see cref="KernelOptions.StreamFlushInterval"/> (or until <see cref="KernelOptions.StreamFlushSize"/> characters)
/// to go out as one stream message, and anything else the cell shows sends it first. A cell printing 100,000 lines
/// makes a handful of messages, which a client keeps up with; <see cref="OutputCap"/> bounds the total. Also answers
/// Console.ReadLine with an input_request when the client allows it. A silent request publishes nothing.
/// </summary>
internal sealed class IopubOutput : IOutputSink, IInputSource, IDisposable
{
    private readonly Lock _gate = new();
    private readonly KernelHandlers _kernel;
    private readonly JupyterMessage _request;
    private readonly int _executionCount;
    private readonly bool _silent;
    private readonly bool _allowStdin;
    private readonly KernelOptions _options;
    private readonly OutputCap _cap;
    private readonly StringBuilder _text = new();
    private readonly Timer _flushTimer;
    private string _textStream = "stdout";
    private bool _flushScheduled;
    private bool _finished;

    public IopubOutput(KernelHandlers kernel, JupyterMessage request, int executionCount, bool silent, bool allowStdin, KernelOptions options)
    {
        _kernel = kernel;
        _request = request;
        _executionCount = executionCount;
        _silent = silent;
        _allowStdin = allowStdin;
        _options = options;
        _cap = new OutputCap(options.OutputLimit);
        _flushTimer = new Timer(_ => FlushOnTimer());
    }

    /// <summary>The cell's error, for the execute_reply (the engine ends a failed cell with one).</summary>
    public ErrorOutput? Error { get; private set; }

    /// <summary>The cell's value, for the history.</summary>
    public DisplayOutput? Result { get; private set; }

    public void Add(Output output)
    {
        lock (_gate)
        {
            if (output is ErrorOutput error) Error = error;
            if (output is DisplayOutput { IsResult: true } result) Result = result;
            if (_silent || _finished) return;
            foreach (var admitted in _cap.Admit(output)) Publish(admitted);
        }
    }

    public void Update(DisplayOutput output)
    {
        lock (_gate)
        {
            if (_silent || _finished) return;
            SendText();
            _kernel.Publish(_request, "update_display_data", DisplayContent(output));
        }
    }

    /// <summary>Console.ReadLine: what is printed goes out first (it is the prompt), then an input_request.</summary>
    public string ReadLine(CancellationToken cancel)
    {
        if (_silent || !_allowStdin)
            throw new InvalidOperationException(
                "this cell reads input (Console.ReadLine / Console.In), but the client that ran it does not take input " +
                "(allow_stdin is false, as for nbconvert and other batch runs); give the value in the code instead");
        lock (_gate) SendText();
        return _kernel.RequestInput(_request, cancel);
    }

    /// <summary>Sends what is still waiting: coalesced text, then what the cap held back. Call when the cell has ended.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_finished) return;
            if (!_silent)
                foreach (var held in _cap.Finish()) Publish(held);
            SendText();
            _finished = true;
        }
    }

    public void Dispose()
    {
        Finish();
        _flushTimer.Dispose();
    }

    private void Publish(Output output)
    {
        if (output is StreamOutput stream)
        {
            Write(stream);
            return;
        }
        SendText();
        switch (output)
        {
            case DisplayOutput { IsResult: true } result:
                _kernel.Publish(_request, "execute_result", new JsonObject
                {
                    ["execution_count"] = _executionCount,
                    ["data"] = KernelJson.MimeBundle(result.Data),
                    ["metadata"] = result.Metadata?.DeepClone() ?? new JsonObject(),
                });
                break;
            case DisplayOutput display:
                _kernel.Publish(_request, "display_data", DisplayContent(display));
                break;
            case ErrorOutput error:
                _kernel.Publish(_request, "error", KernelHandlers.ErrorContent(error));
                break;
            case ClearOutput clear:
                _kernel.Publish(_request, "clear_output", new JsonObject { ["wait"] = clear.Wait });
                break;
        }
    }

    private void Write(StreamOutput stream)
    {
        if (stream.Name != _textStream) SendText();
        _textStream = stream.Name;
        _text.Append(stream.Text);
        if (_text.Length >= _options.StreamFlushSize)
            SendText();
        else if (!_flushScheduled)
        {
            _flushScheduled = true;
            _flushTimer.Change(_options.StreamFlushInterval, Timeout.InfiniteTimeSpan);
        }
    }

    private void SendText()
    {
        if (_text.Length == 0) return;
        _kernel.Publish(_request, "stream", new JsonObject { ["name"] = _textStream, ["text"] = _text.ToString() });
        _text.Clear();
    }

    private void FlushOnTimer()
    {
        lock (_gate)
        {
            _flushScheduled = false;
            if (!_finished) SendText();
        }
    }

    private static JsonObject DisplayContent(DisplayOutput output)
    {
        var content = new JsonObject
        {
            ["data"] = KernelJson.MimeBundle(output.Data),
            ["metadata"] = output.Metadata?.DeepClone() ?? new JsonObject(),
            ["transient"] = new JsonObject(),
        };
        if (output.DisplayId is not null) content["transient"]!["display_id"] = output.DisplayId;
        return content;
    }
}
