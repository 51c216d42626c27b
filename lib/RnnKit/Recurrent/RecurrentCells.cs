namespace RnnKit;

/// <summary>Makes a cell from PyTorch's mode name, for code that picks the cell at run time (lessons, bench, CLI).</summary>
public static class RecurrentCells
{
    /// <summary>The mode names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["rnn_tanh", "rnn_relu", "lstm", "gru"];

    /// <summary>A new cell with PyTorch's U(−1/√hiddenSize, 1/√hiddenSize) weights drawn from System.Random(seed).</summary>
    /// <param name="kind">"rnn_tanh", "rnn_relu", "lstm" or "gru".</param>
    /// <param name="inputSize">n_x.</param>
    /// <param name="hiddenSize">n_a.</param>
    /// <param name="seed">The seed of the weights.</param>
    public static IRecurrentCell Create(string kind, int inputSize, int hiddenSize, int seed = CellInit.DefaultSeed) => kind switch
    {
        "rnn_tanh" => new RnnCell(inputSize, hiddenSize, RnnActivation.Tanh, seed),
        "rnn_relu" => new RnnCell(inputSize, hiddenSize, RnnActivation.Relu, seed),
        "lstm" => new LstmCell(inputSize, hiddenSize, seed),
        "gru" => new GruCell(inputSize, hiddenSize, seed),
        _ => throw new ArgumentException($"unknown cell kind '{kind}'; expected {string.Join(", ", Kinds)}", nameof(kind)),
    };
}
