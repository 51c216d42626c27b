namespace RnnKit;

/// <summary>Makes a cell of a <see cref="CellKind"/>, for code that picks the cell at run time (lessons, layouts, seq2seq).</summary>
public static class RecurrentCells
{
    /// <summary>A new cell with PyTorch's U(−1/√hiddenSize, 1/√hiddenSize) weights drawn from System.Random(seed).</summary>
    /// <param name="kind">The cell.</param>
    /// <param name="inputSize">n_x.</param>
    /// <param name="hiddenSize">n_a.</param>
    /// <param name="seed">The seed of the weights.</param>
    public static IRecurrentCell Create(CellKind kind, int inputSize, int hiddenSize, int seed = CellInit.DefaultSeed) =>
        Create(kind, inputSize, hiddenSize, new Random(seed));

    /// <summary>As <see cref="Create(CellKind, int, int, int)"/>, drawing the weights from <paramref name="random"/>.</summary>
    public static IRecurrentCell Create(CellKind kind, int inputSize, int hiddenSize, Random random) => kind switch
    {
        CellKind.RnnTanh => new RnnCell(inputSize, hiddenSize, RnnActivation.Tanh, random),
        CellKind.RnnRelu => new RnnCell(inputSize, hiddenSize, RnnActivation.Relu, random),
        CellKind.Lstm => new LstmCell(inputSize, hiddenSize, random),
        CellKind.Gru => new GruCell(inputSize, hiddenSize, random),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a cell kind"),
    };
}
