namespace RnnKit.Notebooks.Model;

/// <summary>
/// Input the user must fix — a notebook that cannot be read or is missing, wrong exercise markup, a site that cannot
/// be written from it. The message names the file (and, where known, the cell, line or field) and says what is
/// wrong, so a command line prints it as it is, without a stack trace. The kinds derive from it, so a tool catches
/// this one type.
/// </summary>
public class NotebookInputException(string message, Exception? inner = null) : Exception(message, inner);
