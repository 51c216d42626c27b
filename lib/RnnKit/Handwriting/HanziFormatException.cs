namespace RnnKit.Handwriting;

/// <summary>A character file that is not in the hanzi-writer-data format; the message names the file and what is wrong.</summary>
public sealed class HanziFormatException(string message, Exception? inner = null) : Exception(message, inner);
