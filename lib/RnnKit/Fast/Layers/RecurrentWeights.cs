namespace RnnKit.Fast;

/// <summary>
/// The weights of one recurrent layer in PyTorch's fused layout: the G gates stacked on the rows
/// (LSTM i, f, g, o; GRU r, z, n; RNN one), so the input part of every gate is one matrix product.
/// </summary>
/// <remarks>
/// W_ih (G·H, I), W_hh (G·H, H), b_ih (G·H, 1), b_hh (G·H, 1), exactly PyTorch's <c>weight_ih_l0</c>,
/// <c>weight_hh_l0</c>, <c>bias_ih_l0</c>, <c>bias_hh_l0</c>.
/// </remarks>
public sealed class RecurrentWeights : IFastModule
{
    public RecurrentWeights(int gates, int inputSize, int hiddenSize, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentNullException.ThrowIfNull(random);
        Gates = gates;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = new FastParameter("weight_ih", gates * hiddenSize, inputSize);
        WeightHh = new FastParameter("weight_hh", gates * hiddenSize, hiddenSize);
        BiasIh = new FastParameter("bias_ih", gates * hiddenSize, 1);
        BiasHh = new FastParameter("bias_hh", gates * hiddenSize, 1);
        // PyTorch: every weight and bias of a recurrent layer ~ U(−1/√H, 1/√H).
        var bound = 1f / MathF.Sqrt(hiddenSize);
        foreach (var p in Parameters())
            p.InitUniform(bound, random);
    }

    /// <summary>G: 4 for the LSTM, 3 for the GRU, 1 for the plain RNN.</summary>
    public int Gates { get; }

    /// <summary>I: features of x⟨t⟩.</summary>
    public int InputSize { get; }

    /// <summary>H: features of h⟨t⟩.</summary>
    public int HiddenSize { get; }

    /// <summary>G·H: width of the fused gate pre-activations.</summary>
    public int GateWidth => Gates * HiddenSize;

    /// <summary>W_ih (G·H, I).</summary>
    public FastParameter WeightIh { get; }

    /// <summary>W_hh (G·H, H).</summary>
    public FastParameter WeightHh { get; }

    /// <summary>b_ih (G·H, 1).</summary>
    public FastParameter BiasIh { get; }

    /// <summary>b_hh (G·H, 1).</summary>
    public FastParameter BiasHh { get; }

    public IEnumerable<FastParameter> Parameters() => [WeightIh, WeightHh, BiasIh, BiasHh];

    /// <summary>Copies PyTorch's four tensors (row-major, gates in PyTorch's order) into this layer.</summary>
    public void Load(ReadOnlySpan<float> weightIh, ReadOnlySpan<float> weightHh, ReadOnlySpan<float> biasIh, ReadOnlySpan<float> biasHh)
    {
        WeightIh.CopyFrom(weightIh);
        WeightHh.CopyFrom(weightHh);
        BiasIh.CopyFrom(biasIh);
        BiasHh.CopyFrom(biasHh);
    }

    /// <summary>Throws unless x holds (T·B, I) values and T, B are positive.</summary>
    internal void RequireInput(ReadOnlyMemory<float> x, int steps, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (x.Length != steps * batch * InputSize)
            throw new ShapeMismatchException($"x must have shape (T, B, I) = ({steps}, {batch}, {InputSize}) = {steps * batch * InputSize} values but has {x.Length}");
    }

    /// <summary>Throws unless <paramref name="values"/> is a (B, H) state (or empty, meaning zeros).</summary>
    internal void RequireState(ReadOnlySpan<float> values, int batch, string what)
    {
        if (!values.IsEmpty && values.Length != batch * HiddenSize)
            throw new ShapeMismatchException($"{what} must have shape (B, H) = ({batch}, {HiddenSize}) = {batch * HiddenSize} values but has {values.Length}");
    }
}
