namespace RnnKit.Fast;

/// <summary>The shape of a <see cref="SequenceClassifier"/>.</summary>
public sealed record SequenceClassifierConfig
{
    /// <summary>Token ids are embedded when this is ≥ 1; 0 means the inputs are feature vectors of <see cref="InputSize"/>.</summary>
    public int Vocabulary { get; init; }

    /// <summary>The embedding size (tokens) or the feature size (feature vectors).</summary>
    public required int InputSize { get; init; }

    /// <summary>H, per direction and layer.</summary>
    public required int HiddenSize { get; init; }

    /// <summary>How many classes it tells apart (≥ 2).</summary>
    public required int Classes { get; init; }

    /// <summary>Stacked recurrent layers.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Whether every layer reads both ways.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>LSTM, GRU or tanh RNN.</summary>
    public CellKind Cell { get; init; } = CellKind.Gru;

    /// <summary>How the states become one vector: the last state, or their mean.</summary>
    public SequencePooling Pooling { get; init; } = SequencePooling.Last;
}
