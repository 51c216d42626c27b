using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// Where a running cell's outputs go, as they happen: the notebook runner collects them into the cell, the Jupyter
/// kernel publishes them on IOPub. Calls come from the cell's threads, one at a time (the engine serialises them).
/// </summary>
public interface IOutputSink
{
    /// <summary>
    /// A new output: <see cref="StreamOutput"/> (a chunk of stdout/stderr text), <see cref="DisplayOutput"/>
    /// (<c>display_data</c> with a <see cref="DisplayOutput.DisplayId"/>, or the cell's <c>execute_result</c>), or
    /// <see cref="ErrorOutput"/>.
    /// </summary>
    void Add(Output output);

    /// <summary>New data for an earlier display with the same <see cref="DisplayOutput.DisplayId"/> (update_display_data).</summary>
    void Update(DisplayOutput output);
}
