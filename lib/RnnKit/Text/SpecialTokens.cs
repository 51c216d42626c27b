namespace RnnKit.Text;

/// <summary>The reserved tokens of every <see cref="Vocabulary"/>, in index order: unknown, padding, begin, end.</summary>
public static class SpecialTokens
{
    /// <summary>Stands for any token that is not in the vocabulary (or was rarer than the minimum frequency).</summary>
    public const string Unknown = "<unk>";

    /// <summary>Fills the end of short sequences in a padded minibatch; masked out of the loss.</summary>
    public const string Padding = "<pad>";

    /// <summary>Begin of sequence: the first input of a decoder.</summary>
    public const string Begin = "<bos>";

    /// <summary>End of sequence: what a model emits to stop.</summary>
    public const string End = "<eos>";

    /// <summary>All four, in the order of their indices 0, 1, 2, 3.</summary>
    public static IReadOnlyList<string> All { get; } = [Unknown, Padding, Begin, End];
}
