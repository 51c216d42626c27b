namespace RnnKit.Fast;

/// <summary>A character (or token) language model: embedding → one recurrent layer → linear to the vocabulary.</summary>
public sealed record FastLanguageModelConfig
{
    /// <summary>The recurrent layer: <see cref="CellKind.Lstm"/>, <see cref="CellKind.Gru"/> or <see cref="CellKind.RnnTanh"/>.</summary>
    public CellKind Cell { get; init; } = CellKind.Lstm;

    /// <summary>V: number of distinct tokens (65 characters in tiny Shakespeare).</summary>
    public int Vocabulary { get; init; } = 65;

    /// <summary>H: size of the hidden state; the embedding has the same size.</summary>
    public int HiddenSize { get; init; } = 128;

    /// <summary>Seed of the weight initialisation.</summary>
    public int Seed { get; init; }

    /// <summary>The cells the fast layer has (no ReLU RNN), for messages and command-line checks.</summary>
    public static IReadOnlyList<CellKind> Cells { get; } = [CellKind.Lstm, CellKind.Gru, CellKind.RnnTanh];
}
