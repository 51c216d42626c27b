namespace RnnKit.Data;

/// <summary>A fortune file that does not have the expected shape; the message names the file, entry and line.</summary>
public sealed class FortuneFormatException(string message) : FormatException(message);
