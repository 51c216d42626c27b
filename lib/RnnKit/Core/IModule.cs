namespace RnnKit;

/// <summary>Anything that owns trainable weights: cells, layers, whole models.</summary>
public interface IModule
{
    /// <summary>Every trainable parameter, in a stable order (optimizers key their state on it).</summary>
    IEnumerable<Parameter> Parameters();
}

public static class ModuleExtensions
{
    public static void ZeroGrad(this IModule module)
    {
        foreach (var p in module.Parameters())
            p.ZeroGrad();
    }

    /// <summary>Total number of scalar weights, as the lessons compare LSTM and GRU sizes.</summary>
    public static int ParameterCount(this IModule module) => module.Parameters().Sum(p => p.Count);
}
