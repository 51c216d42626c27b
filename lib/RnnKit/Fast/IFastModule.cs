namespace RnnKit.Fast;

/// <summary>Anything in the fast layer that owns trainable float32 weights.</summary>
public interface IFastModule
{
    /// <summary>Every trainable parameter, in a stable order (the optimizer keys its state on it).</summary>
    IEnumerable<FastParameter> Parameters();
}

public static class FastModuleExtensions
{
    public static void ZeroGrad(this IFastModule module)
    {
        foreach (var p in module.Parameters())
            p.ZeroGrad();
    }

    public static int ParameterCount(this IFastModule module) => module.Parameters().Sum(p => p.Count);
}
