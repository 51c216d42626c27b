namespace RnnKit.Notebooks.Execution;

/// <summary>
/// An <see cref="IOutputSink"/> that can also answer a cell's <c>Console.ReadLine()</c> (the Jupyter kernel, which
/// asks its client with an input_request). A sink without it makes reading input an error that says so.
/// </summary>
public interface IInputSource
{
    /// <summary>
    /// One line typed by the user, without its line end; blocks the cell until it arrives.
    /// </summary>
    /// <param name="cancel">Cancelled when the cell is interrupted or times out.</param>
    /// <exception cref="InvalidOperationException">Input cannot be asked for now (the client does not allow it).</exception>
    /// <exception cref="OperationCanceledException">The cell was stopped while waiting.</exception>
    string ReadLine(CancellationToken cancel);
}
