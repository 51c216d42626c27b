using System.Globalization;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// Keeps what one cell publishes under a limit (characters of stream text, display data and errors; updates of a
/// display replace it, so they do not count). The first half of the limit goes out as it comes; after that only the
/// latest half is held back, oldest dropped first, and published when the cell ends behind a line that says how much
/// was cut. A clear_output starts the count again: what came before it is gone from the client anyway.
/// </summary>
internal sealed class OutputCap(long limit)
{
    private readonly long _headLimit = limit / 2;
    private readonly long _tailLimit = limit - limit / 2;
    private readonly LinkedList<Output> _tail = [];
    private long _published;
    private long _tailSize;
    private long _cutCharacters;
    private long _cutLines;
    private int _cutOutputs;
    private string? _cutStream;

    public long Limit { get; } = limit;

    /// <summary>What of <paramref name="output"/> may be published now, in order; the rest is held for <see cref="Finish"/>.</summary>
    public IEnumerable<Output> Admit(Output output)
    {
        if (output is ClearOutput)
        {
            Reset();
            return [output];
        }
        var room = _headLimit - _published;
        if (room <= 0)
        {
            Hold(output);
            return [];
        }
        if (output is StreamOutput s && s.Text.Length > room)
        {
            _published = _headLimit;
            Hold(s with { Text = s.Text[(int)room..] });
            return [s with { Text = s.Text[..(int)room] }];
        }
        _published += SizeOf(output);
        return [output];
    }

    /// <summary>At the end of the cell: a note of what was cut (if anything), then the held outputs in order.</summary>
    public IReadOnlyList<Output> Finish()
    {
        var rest = new List<Output>();
        if (_cutCharacters > 0 || _cutOutputs > 0) rest.Add(new StreamOutput(_cutStream ?? "stdout", Note()));
        rest.AddRange(_tail);
        Reset();
        return rest;
    }

    private void Hold(Output output)
    {
        _tail.AddLast(output);
        _tailSize += SizeOf(output);
        while (_tailSize > _tailLimit && _tail.First!.Next is not null) Drop(_tailSize - _tailLimit);
        if (_tailSize > _tailLimit) Drop(_tailSize - _tailLimit);
    }

    /// <summary>Drops the oldest held output, or only its first <paramref name="excess"/> characters when it is longer text.</summary>
    private void Drop(long excess)
    {
        var oldest = _tail.First!.Value;
        if (oldest is StreamOutput s)
        {
            var cut = (int)Math.Min(excess, s.Text.Length);
            _cutStream ??= s.Name;
            _cutCharacters += cut;
            _cutLines += s.Text.AsSpan(0, cut).Count('\n');
            _tailSize -= cut;
            if (cut < s.Text.Length)
            {
                _tail.First.Value = s with { Text = s.Text[cut..] };
                return;
            }
        }
        else
        {
            _cutOutputs++;
            _tailSize -= SizeOf(oldest);
        }
        _tail.RemoveFirst();
    }

    private string Note()
    {
        var outputs = _cutOutputs > 0 ? $" and {_cutOutputs:N0} displays" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"\n[… {_cutCharacters:N0} characters ({_cutLines:N0} lines){outputs} of output cut here: the kernel keeps the first and the " +
            $"last {Mebi(_headLimit)} of a cell's output (its limit is {Mebi(Limit)}) …]\n");
    }

    private static string Mebi(long characters) => characters >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{characters / (double)(1 << 20):0.#} Mi characters")
        : string.Create(CultureInfo.InvariantCulture, $"{characters:N0} characters");

    private void Reset()
    {
        _tail.Clear();
        _published = _tailSize = _cutCharacters = _cutLines = 0;
        _cutOutputs = 0;
        _cutStream = null;
    }

    private static long SizeOf(Output output) => output switch
    {
        StreamOutput s => s.Text.Length,
        DisplayOutput d => d.Data.Values.Sum(v => (long)v.Length),
        ErrorOutput e => e.Value.Length + e.Traceback.Sum(t => (long)t.Length),
        _ => 0,
    };
}
