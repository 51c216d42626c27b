using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>Exercise markup that is wrong; the message starts with "notebook: cell N, line L:" (1-based).</summary>
public sealed class ExerciseMarkupException(string message) : NotebookInputException(message)
{
    internal static ExerciseMarkupException At(string notebook, int cell, int line, string problem) =>
        new($"{notebook}: cell {cell + 1}, line {line + 1}: {problem}");
}
