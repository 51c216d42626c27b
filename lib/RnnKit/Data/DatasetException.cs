namespace RnnKit.Data;

/// <summary>
/// A dataset that cannot be had: unknown name, not found anywhere, SHA-256 or size mismatch, failed download, bad
/// manifest. The message says which dataset, which file or URL, and how to get the data.
/// </summary>
public sealed class DatasetException(string message, Exception? inner = null) : Exception(message, inner);
