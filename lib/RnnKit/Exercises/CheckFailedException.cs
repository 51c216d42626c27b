namespace RnnKit.Exercises;

/// <summary>
/// An exercise check that failed. The message is the feedback a student reads (in the notebook, and in the
/// grader's report): what is wrong, by how much, and where to look.
/// </summary>
public sealed class CheckFailedException(string message) : Exception(message);
