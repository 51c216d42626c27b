namespace RnnKit.Fast;

/// <summary>Shape guards of the recurrent backward passes; messages name the argument and both shapes.</summary>
internal static class RecurrentShapes
{
    public static void RequireGradients(RecurrentWeights w, FastRecurrentCache cache, ReadOnlyMemory<float> dY, Span<float> dX)
    {
        var rows = cache.Steps * cache.Batch;
        if (cache.HiddenSize != w.HiddenSize)
            throw new ShapeMismatchException($"the cache has hidden size {cache.HiddenSize} but this layer has {w.HiddenSize}");
        if (dY.Length != rows * w.HiddenSize)
            throw new ShapeMismatchException($"dY must have shape (T, B, H) = ({cache.Steps}, {cache.Batch}, {w.HiddenSize}) = {rows * w.HiddenSize} values but has {dY.Length}");
        if (!dX.IsEmpty && dX.Length != rows * w.InputSize)
            throw new ShapeMismatchException($"dX must have shape (T, B, I) = ({cache.Steps}, {cache.Batch}, {w.InputSize}) = {rows * w.InputSize} values but has {dX.Length}");
    }
}
