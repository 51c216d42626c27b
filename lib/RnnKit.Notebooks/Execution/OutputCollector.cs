using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// An <see cref="IOutputSink"/> that writes outputs into notebook cells as nbformat stores them: consecutive stream
/// chunks of the same name merged into one output, display ids dropped (a notebook file has none), and an update
/// replacing the data of the earlier display in place, whichever cell showed it. A <see cref="ClearOutput"/> empties
/// the cell as nbclient does: at once, or (wait) just before the cell's next output; a pending wait ends with the cell.
/// </summary>
public sealed class OutputCollector : IOutputSink
{
    private readonly Dictionary<string, (Cell Cell, int Index)> _displays = new(StringComparer.Ordinal);
    private Cell _cell;
    private bool _clearBeforeNext;

    /// <param name="cell">The cell that receives outputs first; see <see cref="Cell"/>.</param>
    public OutputCollector(Cell cell) => _cell = cell;

    /// <summary>The cell that receives new outputs; the runner moves it from cell to cell.</summary>
    public Cell Cell
    {
        get => _cell;
        set
        {
            _cell = value;
            _clearBeforeNext = false;
        }
    }

    public void Add(Output output)
    {
        if (output is ClearOutput clear)
        {
            if (clear.Wait) _clearBeforeNext = true;
            else Clear();
            return;
        }
        if (_clearBeforeNext) Clear();
        var outputs = Cell.Outputs;
        switch (output)
        {
            case StreamOutput s when outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == s.Name:
                outputs[^1] = last with { Text = last.Text + s.Text };
                break;
            case DisplayOutput { DisplayId: { } id } d:
                _displays[id] = (Cell, outputs.Count);
                outputs.Add(d with { DisplayId = null });
                break;
            default:
                outputs.Add(output);
                break;
        }
    }

    private void Clear()
    {
        _clearBeforeNext = false;
        foreach (var id in _displays.Where(d => ReferenceEquals(d.Value.Cell, Cell)).Select(d => d.Key).ToList())
            _displays.Remove(id);
        Cell.Outputs.Clear();
    }

    public void Update(DisplayOutput output)
    {
        if (output.DisplayId is not { } id || !_displays.TryGetValue(id, out var shown)) return;
        var earlier = (DisplayOutput)shown.Cell.Outputs[shown.Index];
        shown.Cell.Outputs[shown.Index] = earlier with { Data = output.Data };
    }
}
