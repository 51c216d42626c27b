namespace RnnKit.Fast;

/// <summary>Adam's settings; the defaults are PyTorch's <c>torch.optim.Adam</c> defaults.</summary>
public sealed record FastAdamConfig
{
    /// <summary>Step size α.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>β₁: decay of the running mean of gradients.</summary>
    public float Beta1 { get; init; } = 0.9f;

    /// <summary>β₂: decay of the running mean of squared gradients.</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>ε added to √v̂ so a parameter that never saw a gradient does not divide by zero.</summary>
    public float Epsilon { get; init; } = 1e-8f;
}
