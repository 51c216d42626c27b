namespace RnnKit.Notebooks.Model;

/// <summary>A notebook file that cannot be read: the message names the file and, where known, the cell and field.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : NotebookInputException(message, inner);
