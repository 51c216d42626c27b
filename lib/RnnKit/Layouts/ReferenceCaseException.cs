namespace RnnKit;

/// <summary>A reference case that cannot be used; the message names the field and what was expected.</summary>
public sealed class ReferenceCaseException(string message) : Exception(message);
