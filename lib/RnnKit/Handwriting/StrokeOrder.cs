namespace RnnKit.Handwriting;

/// <summary>Pen sequences with the stroke order (笔顺) taken away, for a baseline that cannot use it.</summary>
public static class StrokeOrder
{
    /// <summary>
    /// The same strokes, each still drawn in its own direction, written in a random order: the picture is the
    /// same, the order is gone.
    /// </summary>
    public static PenSequence Shuffle(PenSequence sequence, Random random)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(random);
        var strokes = sequence.ToStrokes().ToArray();
        random.Shuffle(strokes);
        return PenReader.FromStrokes(strokes, sequence.Spacing);
    }
}
