namespace RnnKit;

/// <summary>
/// The shape of an encoder–decoder. The two vocabularies are separate; the target vocabulary holds the
/// <see cref="StartToken"/> fed to the decoder first and the <see cref="EndToken"/> it learns to emit last.
/// </summary>
/// <param name="SourceVocab">Number of source token ids.</param>
/// <param name="TargetVocab">Number of target token ids, including start and end.</param>
/// <param name="StartToken">Target id fed as y⟨0⟩ (begin-of-sequence).</param>
/// <param name="EndToken">Target id that ends an output (end-of-sequence).</param>
/// <param name="EmbeddingSize">Rows of the source and target embeddings.</param>
/// <param name="EncoderSize">Hidden units of the encoder per direction (so h_i has 2× this when bidirectional).</param>
/// <param name="DecoderSize">n_z, hidden units of the decoder: the query of the attention.</param>
/// <param name="Cell">Cell of both encoder and decoder (an LSTM's cell state is not passed from encoder to decoder).</param>
/// <param name="Bidirectional">Encode left-to-right and right-to-left and stack the states (Bahdanau et al.).</param>
/// <param name="Attention">The score function; null for the plain encoder–decoder whose only context is the encoder summary.</param>
/// <param name="AttentionSize">Hidden units of the additive score's network.</param>
/// <param name="ContextIntoInput">Concatenate the context c⟨t⟩ to the decoder's input: x⟨t⟩ = [emb(y⟨t−1⟩); c⟨t⟩].</param>
/// <param name="ContextIntoOutput">Concatenate the context to the readout's input: logits = W·[z⟨t⟩; c⟨t⟩] + b.</param>
/// <param name="Seed">Seeds every weight, so a model is reproducible.</param>
public sealed record Seq2SeqConfig(
    int SourceVocab,
    int TargetVocab,
    int StartToken,
    int EndToken,
    int EmbeddingSize = 16,
    int EncoderSize = 32,
    int DecoderSize = 32,
    CellKind Cell = CellKind.Gru,
    bool Bidirectional = true,
    ScoreKind? Attention = ScoreKind.Additive,
    int AttentionSize = 32,
    bool ContextIntoInput = true,
    bool ContextIntoOutput = true,
    int Seed = CellInit.DefaultSeed)
{
    /// <summary>Rows of every encoder state h_i and of the context: EncoderSize, doubled when bidirectional.</summary>
    public int KeySize => Bidirectional ? 2 * EncoderSize : EncoderSize;

    /// <summary>Throws, naming the field, unless every size is positive and the special tokens are target ids.</summary>
    public void Validate()
    {
        Positive(SourceVocab, nameof(SourceVocab));
        Positive(TargetVocab, nameof(TargetVocab));
        Positive(EmbeddingSize, nameof(EmbeddingSize));
        Positive(EncoderSize, nameof(EncoderSize));
        Positive(DecoderSize, nameof(DecoderSize));
        Positive(AttentionSize, nameof(AttentionSize));
        TargetId(StartToken, nameof(StartToken));
        TargetId(EndToken, nameof(EndToken));
        if (StartToken == EndToken)
            throw new ArgumentException($"{nameof(StartToken)} and {nameof(EndToken)} must differ but both are {StartToken}");
        if (!ContextIntoInput && !ContextIntoOutput)
            throw new ArgumentException($"the context must reach the decoder: set {nameof(ContextIntoInput)} or {nameof(ContextIntoOutput)}");
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive but is {value}");
    }

    private void TargetId(int id, string name)
    {
        if (id < 0 || id >= TargetVocab)
            throw new ArgumentOutOfRangeException(name, id, $"{name} must be a target id in [0, {TargetVocab}) but is {id}");
    }
}
