using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// An <see cref="IOutputSink"/> that writes outputs into notebook cells as nbformat stores them: consecutive stream
/// chunks of the same name merged into one output, display ids dropped (a notebook file has none), and an update
/// replacing the data of the earlier display in place, whichever cell showed it.
/// </summary>
public sealed class OutputCollector : IOutputSink
{
    private readonly Dictionary<string, (Cell Cell, int Index)> _displays = new(StringComparer.Ordinal);

    /// <param name="cell">The cell that receives outputs first; see <see cref="Cell"/>.</param>
    public OutputCollector(Cell cell) => Cell = cell;

    /// <summary>The cell that receives new outputs; the runner moves it from cell to cell.</summary>
    public Cell Cell { get; set; }

    public void Add(Output output)
    {
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

    public void Update(DisplayOutput output)
    {
        if (output.DisplayId is not { } id || !_displays.TryGetValue(id, out var shown)) return;
        var earlier = (DisplayOutput)shown.Cell.Outputs[shown.Index];
        shown.Cell.Outputs[shown.Index] = earlier with { Data = output.Data };
    }
}
